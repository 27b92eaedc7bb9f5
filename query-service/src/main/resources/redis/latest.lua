-- KEYS[1] = current; ARGV = docs prefix template, color string template ('' for all shoes), meta template, n, docs per list,
-- color hash prefix template, color key, CRC-32 of the color key.
-- Returns {g, colorKeep (false without a color), doc, doc, ...} (a doc is '' or false when missing) or nil.
local g = redis.call('GET', KEYS[1])
if not g then return nil end
local function key(template) return (string.gsub(template, '{g}', g)) end
local n = tonumber(ARGV[4])
local size = tonumber(ARGV[5])
local docs = key(ARGV[1])
local out = {g, false}
local function add(r) out[#out + 1] = redis.call('LINDEX', docs .. math.floor(r / size), r % size) end
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
local layout = redis.call('HMGET', key(ARGV[3]), 'colorKeep', 'colorBuckets')
out[2] = layout[1]
if not layout[2] then
  -- A generation loaded before the color hashes: a sorted set of ranks per color.
  for _, rank in ipairs(redis.call('ZRANGE', key(ARGV[2]), 0, n - 1)) do add(tonumber(rank)) end
  return out
end
-- The color's ranks, 4 bytes each, newest first: in its hash's value, or a string of its own when that is empty.
local packed = redis.call('HGET', key(ARGV[6]) .. math.fmod(tonumber(ARGV[8]), tonumber(layout[2])), ARGV[7])
if not packed then return out end
if packed == '' then packed = redis.call('GETRANGE', key(ARGV[2]), 0, 4 * n - 1) end
for i = 1, math.min(#packed, 4 * n), 4 do
  local a, b, c, d = string.byte(packed, i, i + 3)
  add(((a * 256 + b) * 256 + c) * 256 + d)
end
return out
