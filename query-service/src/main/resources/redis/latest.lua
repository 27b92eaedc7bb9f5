-- KEYS[1] = current; ARGV = sorted set template, doc prefix template, n. Returns {g, hash, hash, ...} or nil.
local g = redis.call('GET', KEYS[1])
if not g then return nil end
local function key(template) return (string.gsub(template, '{g}', g)) end
local ids = redis.call('ZREVRANGE', key(ARGV[1]), 0, tonumber(ARGV[3]) - 1)
local prefix = key(ARGV[2])
local out = {g}
for _, id in ipairs(ids) do
  out[#out + 1] = redis.call('HGETALL', prefix .. id)
end
return out
