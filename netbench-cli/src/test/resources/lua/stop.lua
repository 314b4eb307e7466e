-- Stop each thread after 100 responses.
local count = 0
response = function()
  count = count + 1
  if count == 100 then
    wrk.thread:stop()
  end
end
