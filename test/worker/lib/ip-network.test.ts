import { describe, expect, it } from "vitest";
import { networkOf } from "../../../worker/lib/ip-network";

describe("networkOf", () => {
  it("puts an IPv4 address in its /24, also when written IPv4-mapped", () => {
    expect(networkOf("203.0.113.9")).toBe("203.0.113.0/24");
    expect(networkOf("::ffff:203.0.113.200")).toBe("203.0.113.0/24");
  });

  it("puts an IPv6 address in its /64, however it is abbreviated", () => {
    expect(networkOf("2001:db8:1:2:a:b:c:d")).toBe("2001:db8:1:2::/64");
    expect(networkOf("2001:0DB8:0001:0002::1")).toBe("2001:db8:1:2::/64");
    expect(networkOf("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(networkOf("::1")).toBe("0:0:0:0::/64");
  });

  it("leaves anything that is not an address as it is", () => {
    expect(networkOf("local")).toBe("local");
    expect(networkOf("1:2:3")).toBe("1:2:3");
    expect(networkOf("1::2::3")).toBe("1::2::3");
  });
});
