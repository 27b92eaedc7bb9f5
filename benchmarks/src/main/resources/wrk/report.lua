-- Options from the environment:
--   WRK_BODY      send this as a JSON POST body
--   WRK_PATHS     comma-separated paths to request in turn (instead of the URL's path)
--   WRK_DELAY_MS  pause of each connection between its requests, to hold a rate below saturation
-- Prints one JSON line of results at the end (latency in microseconds; errors: statuses >= 400 and
-- socket errors).
local body = os.getenv("WRK_BODY")
if body and body ~= "" then
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end

local paths = {}
for path in string.gmatch(os.getenv("WRK_PATHS") or "", "[^,]+") do
  paths[#paths + 1] = path
end
local next_path = 0
if #paths > 0 then
  request = function()
    next_path = next_path % #paths + 1
    return wrk.format(nil, paths[next_path])
  end
end

local pause = tonumber(os.getenv("WRK_DELAY_MS") or "")
if pause and pause > 0 then
  delay = function() return pause end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"durationMicros":%d,"status":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,' ..
    '"p50":%d,"p99":%d,"p999":%d,"max":%d}\n',
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max))
end
