-- Each thread counts its responses; done() reports every thread, set up in setup().
local threads = {}
setup = function(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end
init = function(args)
  responses = 0
  label = args[1] or "none"
end
response = function(status, headers, body)
  if status == 200 and body == "Hello, World!" and headers["Content-Length"] == "13" then
    responses = responses + 1
  end
end
done = function(summary, latency, requests)
  for _, thread in ipairs(threads) do
    io.write(string.format("thread %d %s saw %s\n", thread:get("id"), thread:get("label"),
      thread:get("responses") > 0 and "responses" or "nothing"))
  end
end
