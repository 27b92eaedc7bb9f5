-- KEYS[1] = current; ARGV = docs prefix template, color set template ('' for all shoes), meta template, n, docs per list.
-- Returns {g, colorKeep (false without a color), doc, doc, ...} (a doc is '' or false when missing) or nil.
local g = redis.call('GET', KEYS[1])
if not g then return nil end
local function key(template) return (string.gsub(template, '{g}', g)) end
local n = tonumber(ARGV[4])
local size = tonumber(ARGV[5])
local docs = key(ARGV[1])
local out = {g, false}
if ARGV[2] == '' then
  -- Ranks 0 to n - 1: the first elements of the first lists.
  local list = 0
  while n > 0 do
    for _, doc in ipairs(redis.call('LRANGE', docs .. list, 0, math.min(n, size) - 1)) do out[#out + 1] = doc end
    n = n - size
    list = list + 1
  end
  return out
end
out[2] = redis.call('HGET', key(ARGV[3]), 'colorKeep')
for _, rank in ipairs(redis.call('ZRANGE', key(ARGV[2]), 0, n - 1)) do
  local r = tonumber(rank)
  out[#out + 1] = redis.call('LINDEX', docs .. math.floor(r / size), r % size)
end
return out
