-- Login journey for wrk, one connection per thread (run with -t N -c N): GET /login (new session and
-- view state), GET the CAPTCHA image, POST the form; a 302 to /candidate/ is a login. The cookies are
-- dropped after each attempt, so every login starts as a new visitor. Arguments: password, captcha
-- answer, then one account (ID number) per thread. Figures: KAOWU logins=… errors=… seconds=…
local threads = {}
local counter = 0

function setup(thread)
   counter = counter + 1
   thread:set("slot", counter)
   table.insert(threads, thread)
end

function init(args)
   password = args[1]
   captcha = args[2]
   account = args[2 + slot]
   step = "page"
   cookie = nil
   viewState = nil
   logins = 0
   errors = 0
end

local function urlencode(s)
   return (string.gsub(s, "[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
   if step == "page" then
      return wrk.format("GET", "/login")
   elseif step == "captcha" then
      return wrk.format("GET", "/captcha?form=login", { Cookie = cookie })
   end
   local body = "loginForm=loginForm"
      .. "&" .. urlencode("loginForm:idNumber") .. "=" .. urlencode(account)
      .. "&" .. urlencode("loginForm:password") .. "=" .. urlencode(password)
      .. "&" .. urlencode("loginForm:captcha:captchaInput") .. "=" .. urlencode(captcha)
      .. "&" .. urlencode("loginForm:submit") .. "="
      .. "&" .. urlencode("jakarta.faces.ViewState") .. "=" .. urlencode(viewState)
   return wrk.format("POST", "/login",
      { Cookie = cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

local function failed()
   errors = errors + 1
   step = "page"
   cookie = nil
end

function response(status, headers, body)
   if step == "page" then
      local session = headers["Set-Cookie"] and string.match(headers["Set-Cookie"], "JSESSIONID=[^;]+")
      viewState = body and string.match(body, 'name="jakarta%.faces%.ViewState"[^>]*value="([^"]+)"')
      if status ~= 200 or session == nil or viewState == nil then return failed() end
      cookie = session
      step = "captcha"
   elseif step == "captcha" then
      if status ~= 200 then return failed() end
      step = "login"
   else
      local location = headers["Location"] or ""
      if status ~= 302 or not string.find(location, "/candidate/", 1, true) then return failed() end
      logins = logins + 1
      step = "page"
      cookie = nil
   end
end

function done(summary, latency, requests)
   local total, bad = 0, 0
   for _, thread in ipairs(threads) do
      total = total + thread:get("logins")
      bad = bad + thread:get("errors")
   end
   io.write(string.format("KAOWU logins=%d errors=%d seconds=%.3f\n", total, bad, summary.duration / 1e6))
end
