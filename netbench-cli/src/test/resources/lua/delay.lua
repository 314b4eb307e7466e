-- Wait a random 5 to 15 ms before each request.
delay = function()
  return math.random(5, 15)
end
