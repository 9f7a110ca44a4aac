-- (e) free-text search as the dispatcher: "Titicaca" is a street name in ~1/32 of the
-- direcciones and part of ~1/80 of the cliente names (bench/lib/dataset.sql.sh).
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require("filtrar").use("BENCH_TOKEN_CORD", '{"titulo":"Titicaca"}')
