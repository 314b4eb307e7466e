package io.netbench.http.internal.client;

import io.netbench.http.internal.script.ThreadScript;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * A worker's requests from its wrk script thread: the script's fixed request pre-encoded once
 * when it has no {@code request()} hook (then a send costs what a plain run's does), else a call
 * of the hook per send; the response and delay hooks as the script defines them.
 */
final class ScriptSource implements RequestSource {
    private final ThreadScript script;
    /** The fixed request, or null when the script makes each one. */
    private final RequestTemplate fixed;

    ScriptSource(ThreadScript script) {
        this.script = script;
        byte[] raw = script.fixedRequest();
        this.fixed = raw == null ? null : RequestTemplate.of(raw, script.pipeline());
    }

    @Override
    public ByteBuf next() {
        return fixed != null ? fixed.next() : script.nextRequest();
    }

    @Override
    public int pipeline() {
        return script.pipeline();
    }

    @Override
    public boolean wantsResponse() {
        return script.wantsResponse();
    }

    @Override
    public void response(int status, List<String> headers, String body) {
        script.response(status, headers, body);
    }

    @Override
    public long delayMillis() {
        return script.delayMillis();
    }

    @Override
    public InetSocketAddress address() {
        return script.address();
    }

    @Override
    public void onStop(Runnable stop) {
        script.onStop(stop);
    }

    @Override
    public void close() {
        if (fixed != null) {
            fixed.close();
        }
    }
}
