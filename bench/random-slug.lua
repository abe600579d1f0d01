-- wrk script: every request for /api/v1/stories/by-slug/... asks for a random published story instead, so a run
-- measures the by-slug read path over the whole published set, not one cached answer. Other paths (the bare
-- endpoint, other rows) are requested as given. Results are printed by result.lua, loaded from this folder.
--
--   SLUG_FILE=slugs.txt wrk -s bench/random-slug.lua http://127.0.0.1:8080/api/v1/stories/by-slug/fr/some-slug
--
-- SLUG_FILE holds one "lang/slug" a line (bench/delivery-bench.sh --random-slugs writes it from /api/v1/sync).

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "result.lua")

local prefix = "/api/v1/stories/by-slug/"

if wrk.path:sub(1, #prefix) == prefix then
   local file = os.getenv("SLUG_FILE") or error("SLUG_FILE is not set")
   local paths = {}
   for line in io.lines(file) do
      local lang, slug = line:match("^([^/]+)/(.+)$")
      if lang then
         -- Percent-encode what a URL path may not carry as is (an editor's slug may keep non-ASCII letters).
         local encode = function(s)
            return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
         end
         paths[#paths + 1] = prefix .. encode(lang) .. "/" .. encode(slug)
      end
   end
   assert(#paths > 0, "no lang/slug lines in " .. file)

   local requests = {}
   local result_init = init
   function init(args)
      -- Each wrk thread has its own Lua state: seed each differently.
      math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
      -- Every request formatted once, here (the headers are set by now): wrk shares the machine with the hub, and
      -- formatting one per request cost the hub a share of the CPU that a fixed path does not.
      for i, path in ipairs(paths) do
         requests[i] = wrk.format(nil, path)
      end
      if result_init then result_init(args) end
   end

   function request()
      return requests[math.random(#requests)]
   end
end
