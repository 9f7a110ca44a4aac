-- POST /api/pendientes/filtrar?page=0&size=20 (default sort fechaCreacion,desc) with a fixed
-- body and token; the scenario files choose them.
local bench = require("common")
local M = {}

function M.use(token_env, body)
  local headers = {
    ["Authorization"] = "Bearer " .. bench.env(token_env),
    ["Content-Type"] = "application/json",
  }
  -- Formatted on first use: wrk adds the Host header only after the script's top level ran.
  local req
  function request()
    req = req or wrk.format("POST", "/api/pendientes/filtrar?page=0&size=20", headers, body)
    return req
  end
end

return M
