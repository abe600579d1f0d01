-- wrk script: every request for /api/v1/analytics/events posts one page view with an id of its own (so each is
-- stored, not de-duplicated), as the beacon does: text/plain, the site's Origin, a browser's user agent, the key in
-- the query. STORY_ID and LANG name a published story; ORIGIN the site's origin. Other paths (the bare endpoint) are
-- requested as given. Results are printed by result.lua.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "result.lua")

local prefix = "/api/v1/analytics/events"
if wrk.path:sub(1, #prefix) == prefix then
   local story = os.getenv("STORY_ID") or error("STORY_ID is not set")
   local lang = os.getenv("LANG_TAG") or "en"
   local origin = os.getenv("ORIGIN") or error("ORIGIN is not set")
   local counter = 0
   math.randomseed(os.time() + math.floor(os.clock() * 1e6))
   local tag = tostring(math.random(1, 1e9))
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "text/plain"
   wrk.headers["Origin"] = origin
   wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
   request = function()
      counter = counter + 1
      local body = string.format('{"id":"pv-bench-%s-%d","storyId":"%s","lang":"%s","url":"%s/%s/news/%d"}',
         tag, counter, story, lang, origin, lang, counter % 500)
      return wrk.format("POST", wrk.path, nil, body)
   end
end
