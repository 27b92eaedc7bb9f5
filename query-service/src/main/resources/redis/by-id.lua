-- KEYS[1] = current; ARGV = doc prefix template, id. Returns {g, hash} or nil.
local g = redis.call('GET', KEYS[1])
if not g then return nil end
return {g, redis.call('HGETALL', (string.gsub(ARGV[1], '{g}', g)) .. ARGV[2])}
