-- (b) GET /api/pendientes/{id} as the dispatcher (sees everything) over random ids of the
-- loaded range, skipping the generator's soft-deleted rows (row number n % 200 = 199).
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
local bench = require("common")

local lo = tonumber(bench.env("BENCH_PEND_LO"))
local n = tonumber(bench.env("BENCH_N"))
local headers = { ["Authorization"] = "Bearer " .. bench.env("BENCH_TOKEN_CORD") }

function request()
  local k
  repeat k = math.random(0, n - 1) until k % 200 ~= 198
  return wrk.format("GET", "/api/pendientes/" .. (lo + k), headers)
end
