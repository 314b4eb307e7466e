request = function()
  return nosuch.field
end
