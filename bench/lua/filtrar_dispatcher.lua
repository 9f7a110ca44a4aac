-- (c) the dispatcher's open-work list: estados REGISTRADO, ASIGNADO (VER_TODOS).
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require("filtrar").use("BENCH_TOKEN_CORD", '{"estados":["REGISTRADO","ASIGNADO"]}')
