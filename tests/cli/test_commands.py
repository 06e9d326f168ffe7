"""The command-line contract: names, exit codes, one-line errors, stdout vs -o."""

import subprocess
from pathlib import Path

import pytest

from narrate.model import Article
from tests.cli.conftest import NARRATE, run_narrate

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "night-library.html"


def test_help_lists_every_command():
    result = run_narrate("--help")
    assert result.returncode == 0
    for name in ("speak", "export", "init", "add", "feed", "serve", "voices"):
        assert f"  {name} " in result.stdout.decode()


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_export_to_stdout(fmt):
    result = run_narrate("export", str(EXAMPLE), "--format", fmt)
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode("utf-8")
    assert "The Library That Stays Open After Dark" in out
    assert "night-shift nurses" in out


def test_export_json_is_the_model(tmp_path):
    out = tmp_path / "a.json"
    result = run_narrate("export", str(EXAMPLE), "--format", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == b""
    article = Article.from_json(out.read_text("utf-8"))
    assert article.title == "The Library That Stays Open After Dark"
    assert article.authors == ("Mira Okafor",)
    assert article.language == "en"
    assert not list(tmp_path.glob(".*.part")), "temporary file left behind"


def test_export_reads_stdin():
    result = run_narrate("export", "-", "--format", "text", input=EXAMPLE.read_bytes())
    assert result.returncode == 0, result.stderr.decode()
    assert "The Library That Stays Open After Dark" in result.stdout.decode()


def test_export_script_is_one_utterance_a_line():
    result = run_narrate("export", str(EXAMPLE), "--format", "script")
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()
    assert len(lines) > 10
    assert any("Library That Stays Open After Dark" in line for line in lines[:3])


def test_missing_source_is_one_line_naming_it(tmp_path):
    missing = tmp_path / "nope.html"
    result = run_narrate("export", str(missing))
    assert result.returncode == 1
    err = result.stderr.decode().strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith("narrate: error:") and str(missing) in err
    assert "Traceback" not in err


def test_usage_error_exits_2():
    assert run_narrate("export").returncode == 2
    assert run_narrate("export", str(EXAMPLE), "--format", "docx").returncode == 2
    assert run_narrate("no-such-command").returncode == 2
    unknown = run_narrate("speak", str(EXAMPLE), "-o", "x.mp3", "--voice", "no-such-voice")
    assert unknown.returncode == 2 and b"no-such-voice" in unknown.stderr


def test_voices_lists_profiles_and_engines():
    result = run_narrate("voices")
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "default" in out
    assert "pyttsx3" in out or "espeak" in out


def test_a_closed_standard_output_ends_quietly():
    """`narrate voices | head`: the reader went away; no error line, exit 141 (128 + SIGPIPE)."""
    proc = subprocess.Popen([str(NARRATE), "voices"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # before narrate has written anything: its first write meets EPIPE
    err = proc.stderr.read().decode()
    assert proc.wait(60) == 141
    assert err == ""


def test_hostile_names_cannot_drive_the_terminal(tmp_path):
    """Rule: what narrate prints about a source — its name from a folder listing, the reason —
    carries no raw control character: an ESC sequence in a file name (a terminal title, a
    colour, a cursor move) is shown escaped, and the source is named once."""
    from narrate.podcast.showfolder import init_show

    show = init_show(tmp_path / "show", title="Names")
    folder = tmp_path / "in"
    folder.mkdir()
    osc, csi = "\x1b]0;pwned\x07", "\x1b[2J\x9b31m"
    (folder / f"a{osc}.md").write_bytes(b"\x00\x01\x02 binary")
    (folder / f"b{csi}.md").write_bytes(b"\x00\x01\x02 binary")
    result = run_narrate("add", str(folder), "--show", str(show.folder), timeout=120)
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1
    assert not any(ch in err for ch in "\x1b\x07\x9b"), repr(err)
    lines = [line for line in err.splitlines() if "binary data" in line]
    assert len(lines) == 2 and all(line.count(str(folder)) == 1 for line in lines), lines
    assert "a\\x1b]0;pwned\\x07.md" in err
    missing = run_narrate("export", str(tmp_path / f"gone{osc}.md"), timeout=60).stderr.decode()
    assert "\x1b" not in missing and "gone\\x1b]0;pwned\\x07.md: no such file" in missing


@pytest.mark.parametrize("args", [["init", ""], ["add", "--show", "", "x.md"], ["feed", " "],
                                  ["serve", ""], ["export", "x.md", "-o", ""],
                                  ["speak", "x.md", "-o", ""]])
def test_an_empty_path_is_a_usage_error_not_the_current_folder(tmp_path, args):
    """Rule: an empty path (an unset "$SHOW") is a usage error like a missing one: `init ""`
    made the current folder a show and `add --show ""` published into it."""
    (tmp_path / "x.md").write_text("# T\n\nA short paragraph.\n", encoding="utf-8")
    result = run_narrate(*args, cwd=tmp_path, timeout=60)
    assert result.returncode == 2 and b"an empty path" in result.stderr, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.md"]
