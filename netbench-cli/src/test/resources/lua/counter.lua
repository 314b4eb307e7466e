-- A different path on every request.
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, "/bytes/" .. (n % 100 + 1))
end
