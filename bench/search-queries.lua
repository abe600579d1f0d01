-- wrk script: every request for /api/v1/search asks a query drawn at random from a word list instead, so a run
-- measures search over the whole index (varied terms, facets and highlights of varied hit sets), not one cached
-- answer. Other paths (the bare endpoint) are requested as given. Results are printed by result.lua.
--
--   QUERY_FILE=queries.tsv wrk -s bench/search-queries.lua 'http://127.0.0.1:8080/api/v1/search?q=x&lang=fr'
--
-- QUERY_FILE holds one "lang<TAB>query" a line (bench/search-bench.sh writes it from the loaded stories). Each
-- request keeps the other parameters of the given path (limit, sort…) and sets q and lang from the line.

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "result.lua")

local prefix = "/api/v1/search"

if wrk.path:sub(1, #prefix + 1) == prefix .. "?" or wrk.path == prefix then
   local file = os.getenv("QUERY_FILE") or error("QUERY_FILE is not set")
   local encode = function(s)
      return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
   end
   -- The given path's other parameters, without its q and lang.
   local rest = {}
   for pair in (wrk.path:match("%?(.*)$") or ""):gmatch("[^&]+") do
      local name = pair:match("^([^=]*)")
      if name ~= "q" and name ~= "lang" then rest[#rest + 1] = pair end
   end
   local tail = #rest > 0 and ("&" .. table.concat(rest, "&")) or ""
   local paths = {}
   for line in io.lines(file) do
      local lang, query = line:match("^([^\t]+)\t(.+)$")
      if lang then
         paths[#paths + 1] = prefix .. "?q=" .. encode(query) .. "&lang=" .. encode(lang) .. tail
      end
   end
   assert(#paths > 0, "no lang<TAB>query lines in " .. file)

   local requests = {}
   local result_init = init
   function init(args)
      -- Each wrk thread has its own Lua state: seed each differently.
      math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
      -- Formatted once (the headers are set by now): wrk shares the machine with the hub and Elasticsearch.
      for i, path in ipairs(paths) do
         requests[i] = wrk.format(nil, path)
      end
      if result_init then result_init(args) end
   end

   function request()
      return requests[math.random(#requests)]
   end
end
