-- (f) write mix: each order runs the whole happy path, one request after the other:
--   create (dispatcher) → type details (dispatcher) → asignar to the write-mix technician
--   (dispatcher) → EN_PROGRESO, POR_VALIDAR (technician, §3.4) → FINALIZADO (dispatcher).
-- wrk calls response() before it asks the same connection for its next request, so each
-- thread keeps a stack of next steps derived from the response body itself (the id and the
-- estado it reached); a connection with nothing to continue starts a new order. Every step
-- must answer 200: anything else is counted as unexpected and ends that order's chain.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
local bench = require("common")
bench.extra("created", "completed", "unexpected")

local cord = "Bearer " .. bench.env("BENCH_TOKEN_CORD")
local tecn = "Bearer " .. bench.env("BENCH_TOKEN_TECNW")
local tecnico = bench.env("BENCH_TECNW_EMPLEADO")
local cli_lo = tonumber(bench.env("BENCH_CLI_LO"))
local cli_n = tonumber(bench.env("BENCH_C"))

local json_cord = { ["Authorization"] = cord, ["Content-Type"] = "application/json" }
local auth_cord = { ["Authorization"] = cord }
local auth_tecn = { ["Authorization"] = tecn }

local tipos = { "AVERIA", "INSTALACION_INTERNET", "TRASLADO", "INSTALACION_CAMARAS", "RECOJO_DISPOSITIVOS" }
local detalle = {
  TRASLADO = { "traslado", ',"lugarDestino":"JULIACA","direccionDestino":"Jr. Nuevo 123, Juliaca","tipoServicio":"INTERNET_FIBRA"' },
  INSTALACION_INTERNET = { "instalacion-internet", ',"velocidadSolicitada":"100 Mbps","costoFijo":"80.00","tipoInstalacion":"FIBRA"' },
  AVERIA = { "averia", ',"descripcionFalla":"Sin señal desde ayer"' },
  INSTALACION_CAMARAS = { "instalacion-camaras", "" },
  RECOJO_DISPOSITIVOS = { "recojo-dispositivo", ',"dispositivo":"ROUTER","motivo":"Cambio de equipo"' },
}
-- estado reached → next transition and who performs it
local siguiente = {
  ASIGNADO = { "EN_PROGRESO", auth_tecn },
  EN_PROGRESO = { "POR_VALIDAR", auth_tecn },
  POR_VALIDAR = { "FINALIZADO", auth_cord },
}

created, completed, unexpected = 0, 0, 0
local pending = {}
local n = 0

local function crear()
  n = n + 1
  local tipo = tipos[(n % #tipos) + 1]
  local body = string.format(
    '{"lugar":"PUNO","prioridad":"MEDIA","tipo":"%s","clienteId":%d,"direccion":"Av. Bench %d, Puno","fechaPendiente":"2027-01-15T09:00:00"}',
    tipo, cli_lo + math.random(0, cli_n - 1), n)
  return wrk.format("POST", "/api/pendientes", json_cord, body)
end

function request()
  local step = table.remove(pending)
  if step == nil then return crear() end
  return step()
end

function response(status, headers, body)
  bench.count(status)
  if status ~= 200 then
    unexpected = unexpected + 1
    return
  end
  local id = body:match('"id":(%d+)')
  local estado = body:match('"estado":"([%u_]+)"')
  if id == nil then return end
  if estado == nil and body:find('"pendienteId":', 1, true) then
    -- details stored → dispatch
    table.insert(pending, function()
      return wrk.format("PUT", "/api/pendientes/" .. id .. "/asignar?idAsignado=" .. tecnico, auth_cord)
    end)
  elseif estado == "REGISTRADO" then
    created = created + 1
    local d = detalle[body:match('"tipo":"([%u_]+)"')]
    if d == nil then return end
    table.insert(pending, function()
      return wrk.format("POST", "/api/pendientes/" .. d[1], json_cord, '{"pendienteId":' .. id .. d[2] .. '}')
    end)
  elseif estado == "FINALIZADO" then
    completed = completed + 1
  elseif siguiente[estado] then
    local next = siguiente[estado]
    table.insert(pending, function()
      return wrk.format("PUT", "/api/pendientes/" .. id .. "/estado?nuevoEstado=" .. next[1], next[2])
    end)
  end
end
