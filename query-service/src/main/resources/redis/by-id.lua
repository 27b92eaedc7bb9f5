-- KEYS[1] = current; ARGV = ids prefix template, docs prefix template, meta template, id, CRC-32 of the id, docs per list.
-- Returns {g, doc (false when there is none)} or nil.
local g = redis.call('GET', KEYS[1])
if not g then return nil end
local function key(template) return (string.gsub(template, '{g}', g)) end
local buckets = tonumber(redis.call('HGET', key(ARGV[3]), 'idBuckets') or '0')
if buckets == 0 then return {g, false} end
local rank = redis.call('HGET', key(ARGV[1]) .. math.fmod(tonumber(ARGV[5]), buckets), ARGV[4])
if not rank then return {g, false} end
local r = tonumber(rank)
local size = tonumber(ARGV[6])
return {g, redis.call('LINDEX', key(ARGV[2]) .. math.floor(r / size), r % size)}
