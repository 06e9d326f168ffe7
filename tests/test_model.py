import ast
import sys
from pathlib import Path

from narrate.model import Article, BlockQuote, Figure, Heading, ListBlock, Paragraph, Text
from tests.golden import FIXTURES

ROOT = Path(__file__).resolve().parent.parent


def kitchen_sink() -> Article:
    return Article.from_json((FIXTURES / "kitchen-sink.article.json").read_text("utf-8"))


def test_model_imports_only_the_standard_library():
    tree = ast.parse((ROOT / "narrate" / "model.py").read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            assert top == "__future__" or top in sys.stdlib_module_names, name


def test_json_round_trip_is_exact():
    article = kitchen_sink()
    assert Article.from_json(article.to_json()) == article
    assert Article.from_dict(article.to_dict()) == article


def test_body_text_is_prose_only_one_block_a_line():
    article = Article(
        title="Title words",
        authors=("Some Author",),
        blocks=(
            Heading(2, (Text("A heading"),)),
            Figure("x.jpg", alt="alt words", caption="caption words"),
            Paragraph((Text("First  paragraph\nwraps."),)),
            ListBlock(False, ((Paragraph((Text("item one"),)),), (Paragraph((Text("item two"),)),))),
            BlockQuote((Paragraph((Text("quoted"),)),), attribution="Someone"),
        ),
    )
    assert article.body_text() == "A heading\nFirst paragraph wraps.\nitem one\nitem two\nquoted"
    for hidden in ("Title words", "Some Author", "alt words", "caption words", "Someone"):
        assert hidden not in article.body_text()


def test_blocks_are_frozen():
    para = Paragraph((Text("x"),))
    try:
        para.inlines = ()  # type: ignore[misc]
    except AttributeError:
        return
    raise AssertionError("Paragraph is mutable")


def test_a_figures_credit_label_is_in_the_json_only_when_the_page_gave_one():
    labelled = Article(title="t", blocks=(Figure("a.jpg", caption="c", credit="Ann Lee",
                                                 credit_label="Photo by"),))
    bare = Article(title="t", blocks=(Figure("a.jpg", caption="c", credit="Ann Lee"),))
    assert labelled.to_dict()["blocks"][0]["credit_label"] == "Photo by"
    assert "credit_label" not in bare.to_dict()["blocks"][0]
    for article in (labelled, bare):
        assert Article.from_json(article.to_json()) == article
