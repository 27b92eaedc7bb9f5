-- KEYS[1] = current; ARGV = latest template. Returns {g, count} or nil.
local g = redis.call('GET', KEYS[1])
if not g then return nil end
return {g, redis.call('ZCARD', (string.gsub(ARGV[1], '{g}', g)))}
