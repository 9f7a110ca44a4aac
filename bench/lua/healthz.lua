-- (a) floor: GET /healthz/live (nginx + TLS + FastCGI + router, no token, no database).
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require("common")

-- Formatted on first use: wrk adds the Host header only after the script's top level ran.
local req
function request()
  req = req or wrk.format("GET", "/healthz/live")
  return req
end
