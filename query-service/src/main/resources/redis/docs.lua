-- ARGV = docs prefix of one generation, docs per list, rank, rank, ... Returns {doc, doc, ...} ('' or false when missing).
local size = tonumber(ARGV[2])
local out = {}
for i = 3, #ARGV do
  local r = tonumber(ARGV[i])
  out[#out + 1] = redis.call('LINDEX', ARGV[1] .. math.floor(r / size), r % size)
end
return out
