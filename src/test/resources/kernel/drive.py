"""Drives the perfshell kernel with Jupyter's own client (jupyter_client), as a notebook front end does.

Usage: python3 drive.py OUT.json -- run with JUPYTER_PATH pointing at the folder holding kernels/perfshell/.
Runs the cells below in one kernel, then interrupts a busy loop, and writes what came back per cell to OUT.json:
{"kernel_info": {...}, "cells": [{"code", "status", "outputs": [{"type", ...}]}], "complete": {...},
 "is_complete": [...], "interrupt": {...}, "after_interrupt": {...}, "startup_seconds": s}.
"""
import json
import sys
import time
from jupyter_client.manager import start_new_kernel

CELLS = [
    "int x = 41;\nx + 1",
    "%timeit -r 3 -n 1000 x * 2",
    "%%timeit int[] a = new int[100];\njava.util.Arrays.fill(a, x)",
    "%compare -r 4 -n 1000 --plot {dir}/compare.svg Math.sqrt(x) ;; Math.cbrt(x)",
    "int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\n%prun fib(18)",
    "Integer.parseInt(\"x\" + x)",
    "System.exit(3)",
    "x * 2",
    "%flame -q --duration 0.5 --html {dir}/flame.html fib(20)",
]


def collect(kc, code, timeout=180):
    outputs = []

    def hook(msg):
        kind = msg["msg_type"]
        content = msg["content"]
        if kind == "stream":
            outputs.append({"type": "stream", "name": content["name"], "text": content["text"]})
        elif kind in ("display_data", "execute_result"):
            outputs.append({"type": kind, "data": content["data"]})
        elif kind == "error":
            outputs.append({"type": "error", "ename": content["ename"], "evalue": content["evalue"],
                            "traceback": content["traceback"]})

    reply = kc.execute_interactive(code, output_hook=hook, timeout=timeout)
    return {"code": code, "status": reply["content"]["status"], "outputs": outputs}


def main():
    out_file = sys.argv[1]
    folder = out_file.rsplit("/", 1)[0]
    started = time.monotonic()
    km, kc = start_new_kernel(kernel_name="perfshell", startup_timeout=180)
    startup = time.monotonic() - started
    result = {"startup_seconds": startup}
    try:
        kc.kernel_info()
        result["kernel_info"] = kc.get_shell_msg(timeout=30)["content"]
        result["cells"] = [collect(kc, code.replace("{dir}", folder)) for code in CELLS]
        kc.complete("Math.sq", 7)
        result["complete"] = kc.get_shell_msg(timeout=30)["content"]
        result["is_complete"] = []
        for code in ("int f() {", "int f() { return 1; }"):
            kc.is_complete(code)
            result["is_complete"].append(kc.get_shell_msg(timeout=30)["content"])
        # the stop button during a busy loop: interrupt_request on the control channel
        msg_id = kc.execute("while (true) {}")
        time.sleep(3)
        km.interrupt_kernel()
        reply = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            msg = kc.get_shell_msg(timeout=60)
            if msg["parent_header"].get("msg_id") == msg_id:
                reply = msg["content"]
                break
        result["interrupt"] = reply
        while True:  # the busy cell's outputs, before the next one's
            try:
                kc.get_iopub_msg(timeout=1)
            except Exception:
                break
        result["after_interrupt"] = collect(kc, "x + 2")
    finally:
        km.shutdown_kernel(now=True)
    with open(out_file, "w") as f:
        json.dump(result, f, indent=1)


main()
