-- (d) the same list for a technician: restricted to own orders (§3.3 VER_DETALLE).
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require("filtrar").use("BENCH_TOKEN_TECN", '{"estados":["REGISTRADO","ASIGNADO"]}')
