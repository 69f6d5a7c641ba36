"""Runs the shell commands of a CI recipe file as the CI service would.

usage: run_recipe.py <recipe.yml> <project dir> [--keep-going]

Takes every `run:` value (GitHub Actions) and every item of `script:`
(GitLab CI) in file order, runs each with bash in <project dir>, and prints
one line per command: `<command>: status N`. It stops at the first failing
command, as CI does, unless --keep-going. Environment: as given, plus a PATH
where apt-get and sudo are stand-ins (Inputs/shims): the packages a recipe
installs must exist in the apt lists and be installed here already, since
tests do not change the machine.
"""
import os
import subprocess
import sys

recipe, project = sys.argv[1], sys.argv[2]
keep_going = "--keep-going" in sys.argv[3:]

commands = []
in_script = False
with open(recipe) as f:
    for raw in f:
        line = raw.rstrip("\n")
        stripped = line.strip()
        if stripped.startswith("#") or not stripped:
            continue
        if stripped.startswith("run:") or stripped.startswith("- run:"):
            value = stripped.split("run:", 1)[1].strip()
            if value in ("|", ">"):
                sys.exit("run_recipe.py: multi-line run: blocks are not supported; keep "
                         "recipe steps in ci-steps.sh")
            commands.append(value)
            in_script = False
        elif stripped == "script:":
            in_script = True
        elif in_script and stripped.startswith("- "):
            commands.append(stripped[2:])
        elif in_script and not line.startswith("    "):
            in_script = False

here = os.path.dirname(os.path.abspath(__file__))
env = dict(os.environ)
env["PATH"] = os.path.join(here, "shims") + os.pathsep + env["PATH"]
for cmd in commands:
    p = subprocess.run(["bash", "-c", cmd], cwd=project, env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    sys.stderr.write(p.stdout.decode(errors="replace"))
    print("%s: status %d" % (cmd, p.returncode))
    sys.stdout.flush()
    if p.returncode != 0 and not keep_going:
        break
