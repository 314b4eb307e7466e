package io.netbench.http.internal.script;

import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.OneArgFunction;

/**
 * wrk's address objects: what {@code wrk.lookup} returns, {@code wrk.connect} takes and
 * {@code thread.addr} holds; userdata whose {@code tostring} is {@code ip:port}. netbench also
 * takes an {@code "ip:port"} string wherever wrk takes one.
 */
final class WrkAddr {
    private static final LuaTable META = new LuaTable();

    static {
        META.set("__tostring", new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue addr) {
                return LuaValue.valueOf(text((InetSocketAddress) addr.checkuserdata(InetSocketAddress.class)));
            }
        });
        META.set("__metatable", "wrk.addr");
    }

    private WrkAddr() {
    }

    static LuaValue of(InetSocketAddress address) {
        return new LuaUserdata(address, META);
    }

    /** {@code ip:port}, the IP as getnameinfo prints it ({@code ::1:8080} for IPv6). */
    static String text(InetSocketAddress address) {
        return NetUtil.toAddressString(address.getAddress()) + ":" + address.getPort();
    }

    /** An address object, or an {@code "ip:port"} string; else LuaJIT's bad-argument error. */
    static InetSocketAddress check(LuaValue value, String function) {
        if (value.isuserdata(InetSocketAddress.class)) {
            return (InetSocketAddress) value.touserdata();
        }
        if (value.type() == LuaValue.TSTRING) {
            String text = value.tojstring();
            int colon = text.lastIndexOf(':');
            try {
                return new InetSocketAddress(text.substring(0, colon).replace("[", "").replace("]", ""),
                        Integer.parseInt(text.substring(colon + 1)));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw ScriptError.raise("bad address '" + text + "' to '" + function + "' (ip:port expected)", 1);
            }
        }
        throw ScriptError.raise("bad argument #1 to '" + function + "' (wrk.addr expected, got " + value.typename()
                + ")", 1);
    }
}
