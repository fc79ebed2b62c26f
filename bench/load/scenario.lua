-- The last day before the deadline, for wrk: each request is a page view,
-- a leaf save or an evidence upload (mix from the data file), by a logged-in
-- agency editor (session cookie and CSRF token made by run.py).
-- Saves post the revision they expect; each thread owns its own agencies,
-- so it knows the revision its previous save produced.

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  data = dofile(args[1])
  mode = args[2]            -- "view", "save", "mixed"
  local total = tonumber(args[3])
  -- With several app instances, one wrk per instance: each takes its own share of the sessions.
  local instance = tonumber(args[4] or "0")
  local instances = tonumber(args[5] or "1")
  sessions = {}
  for i, session in ipairs(data.sessions) do
    if (i - 1) % (total * instances) == instance * total + id then table.insert(sessions, session) end
  end
  step = 0
  shown, written, refused, failed, views, saves, uploads = 0, 0, 0, 0, 0, 0, 0
  conflicts, invalid = 0, 0
  boundary = "chisoloadboundary"
end

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  -- wrk calls request() once on the first thread's state to check the script (script_verify_request)
  -- and never sends what it returns: that call must not advance a session's revision, or the
  -- session's next save of that leaf would name a revision one ahead and be refused (409).
  if id == 0 and not verified then
    verified = true
    return wrk.format("GET", "/health")
  end
  step = step + 1
  local session = sessions[(step - 1) % #sessions + 1]
  local leafIndex = math.floor((step - 1) / #sessions) % #data.leaves + 1
  local leaf = data.leaves[leafIndex]
  local kind = "view"
  if mode == "save" then kind = "save"
  elseif mode == "mixed" then
    local roll = step % 20
    if roll < 6 then kind = "save" elseif roll == 6 then kind = "upload" end
  end
  local headers = { ["Cookie"] = session.cookie }
  if kind == "view" then
    views = views + 1
    return wrk.format("GET", "/assessments/" .. session.assessment, headers)
  elseif kind == "save" then
    saves = saves + 1
    local revision = session.revisions[leaf.code]
    session.revisions[leaf.code] = revision + 1
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    local body = "_csrf=" .. encode(session.csrf) .. "&value=" .. encode(leaf.value) .. "&note=&revision=" .. revision
    return wrk.format("POST", "/assessments/" .. session.assessment .. "/entries/" .. leaf.code, headers, body)
  else
    uploads = uploads + 1
    headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
    local body = "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" .. session.csrf .. "\r\n"
      .. "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bao-cao-" .. step .. ".pdf\"\r\n"
      .. "Content-Type: application/pdf\r\n\r\n" .. data.pdf .. id .. "-" .. step .. "\n%%EOF\n\r\n--" .. boundary .. "--\r\n"
    return wrk.format("POST", "/assessments/" .. session.assessment .. "/entries/" .. leaf.code .. "/evidence", headers, body)
  end
end

function response(status, headers, body)
  if status == 200 then shown = shown + 1
  elseif status == 303 then written = written + 1
  elseif status == 409 then refused = refused + 1; conflicts = conflicts + 1
  elseif status == 422 then refused = refused + 1; invalid = invalid + 1
  else failed = failed + 1 end
end

function done(summary, latency, requests)
  local totals = { shown = 0, written = 0, refused = 0, failed = 0, views = 0, saves = 0, uploads = 0, conflicts = 0, invalid = 0 }
  for _, thread in ipairs(threads) do
    for key, _ in pairs(totals) do totals[key] = totals[key] + thread:get(key) end
  end
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d shown=%d written=%d refused=%d failed=%d socket_errors=%d views=%d saves=%d uploads=%d conflicts=%d invalid=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    totals.shown, totals.written, totals.refused, totals.failed,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    totals.views, totals.saves, totals.uploads, totals.conflicts, totals.invalid))
end
