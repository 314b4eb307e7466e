-- Print figures of the run once it is done.
done = function(summary, latency, requests)
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("errors %d %d %d %d %d\n", summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout))
  for _, p in pairs({ 50, 90, 99, 99.999 }) do
    local n = latency:percentile(p)
    io.write(string.format("%s%%,%d\n", tostring(p), n))
  end
  io.write(string.format("distinct %d first %d\n", #latency, latency[1]))
end
