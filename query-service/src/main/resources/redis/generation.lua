-- KEYS[1] = current; ARGV = latest template, meta template. Returns {g, count, finished (or false)} or nil.
local g = redis.call('GET', KEYS[1])
if not g then return nil end
local function key(template) return (string.gsub(template, '{g}', g)) end
return {g, redis.call('ZCARD', key(ARGV[1])), redis.call('HGET', key(ARGV[2]), 'finished')}
