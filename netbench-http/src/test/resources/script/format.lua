-- string.format, tostring, print and io.write of numbers. Each case prints one line: the result,
-- or the error. ScriptLuaJitTest runs this file under LuaJIT (the reference) and under netbench's
-- Lua and compares the lines.
local function show(...)
  local ok, result = pcall(function(...) local s = string.format(...); return s end, ...)
  print((ok and "ok  [" or "err [") .. tostring(result) .. "]")
end
local nan, inf = 0/0, 1/0

-- integers
show("%d|%i|%u|%x|%X|%o", 3.7, -3.7, -1, -1, 255, 8)
show("%d %d %d %d", 2^53, -2^63, 2^63, 2^70)
show("%d %x %u %d %d", inf, -inf, nan, -0.5, 1e15)
show("%x %x %x %x %x", 2^64, 2^65, 1.5 * 2^63, -2^64, 3.99)
show("%5d|%-5d|%05d|%+d|% d|%+5d|%-+5d|% 05d", 42, 42, 42, 42, 42, 42, 42, 42)
show("%.3d|%5.3d|%.0d|%+.0d|% .0d|%.10d|%.0x", 7, 7, 0, 0, 0, -5, 0)
show("%#x|%#X|%#o|%#x|%#o|%#5x|%#05x|%#-8o|%#.3x", 255, 255, 8, 0, 0, 255, 255, 8, 0)
show("%o %o %X", -1, 2^40, 2^53 - 1)
show("%d %i %x", "12", "  0x1F  ", "-1")
-- characters
show("%c%c%c|%5c|%-3c|%c", 72, 105, 33.7, 65, 66, -191)
-- floating point
show("%e|%E|%f|%g|%G", 12345.678, 0.000123, 1/3, 50, 1e20)
show("%.0f %.0f %.0f %.0f %.1f %.2f %.2f %.2f", 0.5, 1.5, 2.5, -2.5, 0.25, 1.125, 1.005, 2.675)
show("%.0e|%.1e|%.2e|%.3e|%e|%#.0e", 2.5, 0.125, 1.125, 123456, 0, 12345)
show("%g|%g|%g|%g|%g|%g|%g", 100000, 1000000, 1e-4, 1e-5, 123456, 1234567, 999999.5)
show("%.3g|%.1g|%.0g|%.2g|%.20g|%g|%g", 999.5, 0.25, 0, 0.125, 0.1, 2^53, 1e-300)
show("%#g|%#.3g|%#.0g|%#.0f|%#e|%#x", 0, 100, 5, 3, 1, 0)
show("%5.1f|%-8.3e|%08.3f|%+.2f|% .1f|%010.4g|%-10.2E|", 3.14159, 1234.5, -3.14159, 2, 2, 1/3, 12345)
show("%f|%5.1f|%-6F|%+f|% f|%e|%g|%G|%05.1f", nan, inf, inf, inf, inf, -inf, nan, -inf, inf)
show("%+f|% f|%+5.1f|%E", nan, nan, nan, nan)
show("%.3f|%.15g|%.17g|%.99f", 1e300, 0.1, 0.1, 1)
show("%f|%.1f|%g", 5e-324, 1e22, 1e300 * 1e10)
-- hexadecimal floating point
show("%a|%a|%a|%A|%a|%a|%a", 0, 1, -1.5, 255.5, 1/3, 5e-324, 2^-1070)
show("%.0a|%.1a|%.1a|%.1a|%.0a|%.3a|%#a|%#.0a", 1.5, 0x1.28p0, 0x1.38p0, 0x1.f8p0, 0x1.fp0, 1/3, 1, 1)
show("%010a|%+a|%20.3a|%-12a|%a|%A", 1, 1, -1/3, 0.5, nan, -inf)
-- strings
show("%s|%5s|%-5s|%.2s|%5.1s|%.0s|", "abc", "ab", "ab", "abc", "xyz", "x")
show("%s %s %s %s %s", 1, 1.5, nil, true, false)
show("%s|%s|%s|%s|%s|%s", 1e15, 1e14, -1e-7, 2^63, 123.456, 1/3)
show("%05s|%+s|%#s|%.3s|%5.1s|", "ab", "ab", "ab", 1/3, nil)
show("%s", setmetatable({}, {__tostring = function() return "T" end}))
show("%q", "a\"b\\c\nd\re\0f\1g\127h\0001i\0319\255")
show("%q|%q|%q|%q|%5q", 1/3, 12, nil, true, "a")
show("%%|%5%|100%%", 1)
-- errors
show("%d", "x")
show("%d", nil)
show("%d", {})
show("%d")
show("%s %s", 1)
show("%y", 1)
show("%", 1)
show("%123d", 1)
show("%.100f", 1)
show("%5%")
show(nil)
show()
-- numbers as text
print(3, -3, 2^31, 2^53, 1/3, 0.1, 100, 1e15, 1e14, 123456789012345, 1e-5, 2^63, -2^63, 1e100, nan, inf, -inf)
print(tostring(12.5), tostring(2^-1074), tostring(1e300 * 10), tostring(2^24 + 0.5), tostring(-1.25e-10))
io.write(1/3, " ", 2^53, " ", 7, " ", 0.1 + 0.2, "\n")
print(table.concat({1, 2.5, "x", 1/3, 2^53}, ","), table.concat({1, 2, 3}, "-", 2), table.concat({}, "x"))
print(pcall(function() local s = table.concat({1, {}, 3}, ","); return s end))
print(pcall(function() local s = table.concat({1, 2, 3}, ",", 2, 5); return s end))
