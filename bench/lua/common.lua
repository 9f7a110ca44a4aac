-- Shared part of the bench scenarios (wrk 4 + LuaJIT): per-thread status counts, a
-- deterministic per-thread random seed, and one machine-readable result line printed by done():
--   BENCH_RESULT {"scenario":…, "requests":…, "rps":…, "p50_ms":…, "p99_ms":…, "statuses":{…}, …}
-- bench/run reads that line. A scenario defines request() and may replace response() (calling
-- M.count) and add counters through M.extra().
local M = {}

function M.env(name, default)
  local v = os.getenv(name)
  if v == nil or v == "" then
    if default ~= nil then return default end
    error("bench: environment variable " .. name .. " is not set")
  end
  return v
end

local threads = {}
local extra_names = {}

-- Names of per-thread numeric globals that done() sums into the result (e.g. "completed").
function M.extra(...)
  for _, name in ipairs({...}) do table.insert(extra_names, name) end
end

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

statuses = {}

function init(args)
  local seed = tonumber(M.env("BENCH_SEED", "20261203"))
  math.randomseed(seed * 1000 + tid)
  if M.on_init then M.on_init() end
end

function M.count(status)
  statuses[status] = (statuses[status] or 0) + 1
end

function response(status, headers, body)
  M.count(status)
end

local function ms(us) return string.format("%.3f", us / 1000.0) end

function done(summary, latency, requests)
  local codes, non2xx = {}, 0
  local extras = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses") or {}
    for code, n in pairs(s) do
      codes[code] = (codes[code] or 0) + n
      if code < 200 or code > 299 then non2xx = non2xx + n end
    end
    for _, name in ipairs(extra_names) do
      extras[name] = (extras[name] or 0) + (tonumber(t:get(name)) or 0)
    end
  end
  local parts = {}
  for code, n in pairs(codes) do table.insert(parts, string.format('"%d":%d', code, n)) end
  local extra_parts = {}
  for name, n in pairs(extras) do table.insert(extra_parts, string.format(',"%s":%d', name, n)) end
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    'BENCH_RESULT {"scenario":"%s","requests":%d,"duration_s":%.3f,"rps":%.1f,' ..
    '"p50_ms":%s,"p90_ms":%s,"p99_ms":%s,"max_ms":%s,"mean_ms":%s,' ..
    '"socket_errors":%d,"timeouts":%d,"non2xx":%d,"statuses":{%s}%s}\n',
    M.env("BENCH_SCENARIO", "?"), summary.requests, secs, summary.requests / secs,
    ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)),
    ms(latency.max), ms(latency.mean),
    e.connect + e.read + e.write, e.timeout, non2xx, table.concat(parts, ","), table.concat(extra_parts, "")))
end

return M
