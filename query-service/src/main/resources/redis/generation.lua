-- KEYS[1] = current; ARGV = meta template. Returns {g, products, finished (or false)} or nil.
local g = redis.call('GET', KEYS[1])
if not g then return nil end
local meta = redis.call('HMGET', (string.gsub(ARGV[1], '{g}', g)), 'products', 'finished')
return {g, tonumber(meta[1] or '0'), meta[2]}
