-- Score day for wrk (ScoreQueryBenchmark): POST 姓名 + 身份证号 + the fixed test answer to /query/score-answer.
-- Mode "chained" (what the page does): the first query of a connection GETs a CAPTCHA image, every POST asks for the
-- next challenge (nextCaptcha=1), whose image comes in the answer, so a query is one request. Mode "image": every
-- query GETs a new image and then POSTs (the page before answers carried the next image). Run with as many threads
-- as connections (-t N -c N): wrk's Lua state is per thread, so each connection keeps its own session cookie and
-- its own query in progress.
-- args: <people file (Lua returning a list of form bodies)> <fixed CAPTCHA answer, URL-encoded> <context path,
-- ending in /> <mode: chained | image>
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } kaowu_timespec;
int clock_gettime(int clk_id, kaowu_timespec *tp);
]]
local clock = ffi.new("kaowu_timespec")
local function now_us()
    ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
    return tonumber(clock.tv_sec) * 1000000 + tonumber(clock.tv_nsec) / 1000
end

local threads = {}
local created = 0

function setup(thread)
    created = created + 1
    thread:set("id", created)
    table.insert(threads, thread)
end

-- per thread (= per connection) below
local bodies, captcha, base, chained
local cookie = nil
local phase = "image"
local person = 0
local started = 0
local stamp = 0
queries, images, bad, shown = 0, 0, 0, 0
hist = {} -- completed queries per 0.1 ms of latency (first request of the query sent .. answer received)

function init(args)
    bodies = dofile(args[1])
    captcha = args[2]
    base = args[3]
    chained = args[4] == "chained"
    person = (id * 37) % #bodies
end

function request()
    if phase == "image" then
        if not chained then started = now_us() end
        stamp = stamp + 1
        local headers = {}
        if cookie then headers["Cookie"] = cookie end
        return wrk.format("GET", base .. "captcha?form=score&t=" .. id .. "-" .. stamp, headers)
    end
    if chained then started = now_us() end
    local body = bodies[person % #bodies + 1] .. "&captcha=" .. captcha .. (chained and "&nextCaptcha=1" or "")
    return wrk.format("POST", base .. "query/score-answer",
        { ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded; charset=UTF-8",
          ["Accept"] = "application/json" }, body)
end

local function complain(what, status, body)
    bad = bad + 1
    if shown < 3 then
        shown = shown + 1
        io.stderr:write("[wrk thread " .. id .. "] " .. what .. " " .. status .. " " .. string.sub(body or "", 1, 300) .. "\n")
    end
end

function response(status, headers, body)
    if phase == "image" then
        local set = headers["Set-Cookie"]
        if set then
            local session = string.match(set, "JSESSIONID=[^;]+")
            if session then cookie = session end
        end
        if status == 200 and cookie and string.find(headers["Content-Type"] or "", "image/png", 1, true) and string.sub(body, 2, 4) == "PNG" then
            images = images + 1
            phase = "query"
        else
            complain("image", status, "")
        end
        return
    end
    phase = "image"
    person = person + 1
    -- chained: the answer must carry the next challenge's image, which the next query answers
    local next_image = not chained or string.find(body, '"captcha":"data:image/png;base64,iVBORw0KGgo', 1, true)
    if chained and next_image then phase = "query" end
    -- a real result: HTTP 200, a results list with the person's masked ID number and a verdict
    if status == 200 and next_image and string.find(body, '"maskedId":"', 1, true) and string.find(body, "********", 1, true)
            and string.find(body, '"verdict":"', 1, true) then
        queries = queries + 1
        local bucket = math.floor((now_us() - started) / 100)
        hist[bucket] = (hist[bucket] or 0) + 1
    else
        complain("query", status, body)
    end
end

function done(summary, latency, requests)
    local q, im, b, merged = 0, 0, 0, {}
    for _, t in ipairs(threads) do
        q = q + t:get("queries")
        im = im + t:get("images")
        b = b + t:get("bad")
        for k, v in pairs(t:get("hist")) do merged[k] = (merged[k] or 0) + v end
    end
    local keys = {}
    for k in pairs(merged) do keys[#keys + 1] = k end
    table.sort(keys)
    local function percentile(p)
        local target, seen = math.max(1, math.ceil(q * p / 100)), 0
        for _, k in ipairs(keys) do
            seen = seen + merged[k]
            if seen >= target then return k / 10 end
        end
        return 0
    end
    local e = summary.errors
    io.write(string.format("KAOWU queries=%d images=%d bad=%d seconds=%.3f requests=%d bytes=%d http_errors=%d"
            .. " socket_errors=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f request_p99_ms=%.1f\n",
        q, im, b, summary.duration / 1e6, summary.requests, summary.bytes, e.status,
        e.connect + e.read + e.write + e.timeout, percentile(50), percentile(99), percentile(100),
        latency:percentile(99) / 1000))
end
