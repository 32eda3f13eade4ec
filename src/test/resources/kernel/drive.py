"""Drives the perfshell kernel with Jupyter's own parts, as a notebook front end does.

Usage: python3 drive.py OUT.json -- with JUPYTER_PATH pointing at the folder holding kernels/perfshell/.
1. nbclient executes a notebook of CELLS headlessly (as `jupyter execute` does) and saves it executed
   (executed.ipynb), which nbconvert turns into executed.html for the browser check.
2. jupyter_client, on a second kernel: kernel_info, complete, is_complete, inspect, and the stop button
   (interrupt_request during a busy loop), then the next cell.
Writes what came back to OUT.json: {"cells": [{"code", "outputs": [...]}], "kernel_info", "complete",
"is_complete", "inspect", "interrupt", "after_interrupt", "startup_seconds"}.
"""
import json
import os
import sys
import time

import nbformat
from jupyter_client.manager import start_new_kernel
from nbclient import NotebookClient

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


def simple(output):
    kind = output["output_type"]
    if kind == "stream":
        return {"type": "stream", "name": output["name"], "text": output["text"]}
    if kind in ("display_data", "execute_result"):
        return {"type": kind, "data": dict(output["data"])}
    if kind == "error":
        return {"type": "error", "ename": output["ename"], "evalue": output["evalue"],
                "traceback": output["traceback"]}
    return {"type": kind}


def notebook(folder, result):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "perfshell", "display_name": "perfshell (Java)", "language": "java"}
    nb.cells = [nbformat.v4.new_code_cell(code.replace("{dir}", folder)) for code in CELLS]
    client = NotebookClient(nb, kernel_name="perfshell", timeout=180, startup_timeout=180, allow_errors=True)
    client.execute()
    nbformat.write(nb, os.path.join(folder, "executed.ipynb"))
    result["cells"] = [{"code": c.source, "outputs": [simple(o) for o in c.outputs]} for c in nb.cells]
    try:
        from nbconvert import HTMLExporter
        html, _ = HTMLExporter().from_notebook_node(nb)
        with open(os.path.join(folder, "executed.html"), "w") as f:
            f.write(html)
    except ImportError:
        result["nbconvert"] = "missing"


def collect(kc, code, timeout=180):
    outputs = []
    reply = kc.execute_interactive(
        code, output_hook=lambda msg: outputs.append({"type": msg["msg_type"], **msg["content"]}), timeout=timeout)
    return {"code": code, "status": reply["content"]["status"], "outputs": outputs}


def protocol(result):
    started = time.monotonic()
    km, kc = start_new_kernel(kernel_name="perfshell", startup_timeout=180)
    result["startup_seconds"] = time.monotonic() - started
    try:
        kc.kernel_info()
        result["kernel_info"] = kc.get_shell_msg(timeout=30)["content"]
        collect(kc, "int x = 41;")
        kc.complete("Math.sq", 7)
        result["complete"] = kc.get_shell_msg(timeout=30)["content"]
        result["is_complete"] = []
        for code in ("int f() {", "int f() { return 1; }"):
            kc.is_complete(code)
            result["is_complete"].append(kc.get_shell_msg(timeout=30)["content"])
        kc.inspect("Math.abs(x)", 9, 0)  # Shift-Tab inside the call, after "("
        result["inspect"] = kc.get_shell_msg(timeout=30)["content"]
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


def main():
    out_file = sys.argv[1]
    folder = os.path.dirname(os.path.abspath(out_file))
    result = {}
    notebook(folder, result)
    protocol(result)
    with open(out_file, "w") as f:
        json.dump(result, f, indent=1)


main()
