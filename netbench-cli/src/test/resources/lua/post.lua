-- A POST with a form body and a header: no request() hook, so the request is built once.
wrk.method = "POST"
wrk.body   = "name=netbench&kind=load"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.path   = "/status/201"
