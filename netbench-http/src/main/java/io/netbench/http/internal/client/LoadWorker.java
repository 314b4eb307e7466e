package io.netbench.http.internal.client;

import io.netbench.core.ErrorCounts;
import io.netbench.core.LatencyRecorder;
import io.netbench.core.TcpInfo;
import io.netbench.core.TransportType;
import io.netbench.core.internal.NetSampler;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollMode;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One wrk thread: an event loop with its share of the connections and its own counters. All its
 * state is touched on its loop; the run's driver talks to it through {@code execute}/{@code submit}.
 * Every 100 ms it samples its request rate (wrk's Req/Sec) and counts requests that have
 * outlived the timeout. Like wrk, it opens all its connections at once: a slow ramp lets the
 * first connections load the server before it has accepted the rest.
 */
final class LoadWorker {
    private static final long TICK_MILLIS = 100;
    private static final long RECONNECT_DELAY_MILLIS = 10;

    final LoadStats stats;
    final RequestSource source;
    private final EventLoop loop;
    private final LoadPlan plan;
    private final List<LoadConnection> connections = new ArrayList<>();
    private ScheduledFuture<?> ticker;
    private long sampleStart;
    /** Requests completed since the last rate sample. */
    long sampleRequests;
    boolean counting;
    boolean stopping;
    /** The connections' TCP_INFO as the worker stopped, once counting had ended; read after {@link #stop()}. */
    TcpInfo endInfo;

    LoadWorker(EventLoop loop, LoadPlan plan, RequestSource source, LatencyRecorder latency,
                      LatencyRecorder uncorrected) {
        this.loop = loop;
        this.plan = plan;
        this.source = source;
        source.onStop(() -> loop.execute(this::stopNow));
        this.stats = new LoadStats(latency.newWriter(), uncorrected.newWriter());
    }

    /** Opens {@code count} connections; counting starts at once unless {@code warmup}. */
    void start(int count, boolean warmup) {
        loop.execute(() -> {
            counting = !warmup;
            sampleStart = System.nanoTime();
            for (int i = 0; i < count; i++) {
                LoadConnection c = new LoadConnection(this, plan);
                connections.add(c);
                connect(c);
            }
            ticker = loop.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        });
    }

    /** Ends the warm-up: what happened so far is forgotten. */
    void beginCounting() {
        loop.execute(() -> {
            stats.clear();
            sampleRequests = 0;
            sampleStart = System.nanoTime();
            counting = true;
        });
    }

    /** Stops sending and closes every connection; the future completes on the loop. */
    Future<LoadStats> stop() {
        return loop.submit(() -> {
            stopNow();
            return stats;
        });
    }

    /** The TCP_INFO of its connections, summed, sampled on its loop between requests. */
    Future<TcpInfo> sampleTcpInfo() {
        return loop.submit(this::tcpInfo);
    }

    private TcpInfo tcpInfo() {
        return TcpInfo.total(connections.stream().map(LoadConnection::tcpInfo).toList());
    }

    private void stopNow() {
        counting = false;
        if (ticker != null) {
            ticker.cancel(false);
        }
        if (!stopping && NetSampler.enabled()) {
            endInfo = tcpInfo();
        }
        stopping = true;
        connections.forEach(LoadConnection::close);
    }

    /** Requests completed so far: a racy read, for live progress. */
    long requestsSoFar() {
        return stats.requests();
    }

    /** Errors counted so far: a racy read, for live progress. */
    ErrorCounts errorsSoFar() {
        return stats.errors();
    }

    void connect(LoadConnection c) {
        if (stopping) {
            return;
        }
        // no TCP_NODELAY option: Netty turns Nagle off on every socket channel it makes (TransportTypeTest)
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(plan.transport().socketChannelType());
        if (plan.transport() == TransportType.EPOLL) {
            // Level-triggered like wrk's event loop: edge-triggered epoll costs one more read()
            // (returning EAGAIN) after every response.
            bootstrap.option(EpollChannelOption.EPOLL_MODE, EpollMode.LEVEL_TRIGGERED);
        }
        bootstrap
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(10_000, plan.timeoutNanos() / 1_000_000))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (plan.ssl() != null) {
                            ch.pipeline().addLast(plan.ssl().newHandler(ch.alloc(), plan.sniHost(),
                                    plan.address().getPort()));
                        }
                        ch.pipeline().addLast(c);
                    }
                }).connect(source.address() != null ? source.address() : plan.address()).addListener(f -> {
                    if (!f.isSuccess()) {
                        if (counting) {
                            stats.connectErrors++;
                        }
                        loop.schedule(() -> connect(c), RECONNECT_DELAY_MILLIS, TimeUnit.MILLISECONDS);
                    }
                });
    }

    void reconnect(LoadConnection c) {
        if (!stopping) {
            connect(c);
        }
    }

    private void tick() {
        long now = System.nanoTime();
        if (counting && sampleRequests > 0) {
            long elapsedMillis = Math.max(1, (now - sampleStart) / 1_000_000);
            stats.requestRate.recordValue(sampleRequests * 1000 / elapsedMillis);
        }
        sampleRequests = 0;
        sampleStart = now;
        for (LoadConnection c : connections) {
            c.checkTimeout(now);
        }
    }
}
