-- Three requests written back to back per send, built once in init.
init = function(args)
  local r = {}
  r[1] = wrk.format(nil, "/")
  r[2] = wrk.format(nil, "/healthz")
  r[3] = wrk.format(nil, "/bytes/10")
  batch = table.concat(r)
end
request = function()
  return batch
end
