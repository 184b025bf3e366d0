"""Field rules shared by every form (no database needed)."""

import pytest

from huajin_pwa import text
from huajin_pwa.services import validate
from huajin_pwa.services.errors import FormError

# --- phone ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("13800138000", "13800138000"),
        (" 13800138000 ", "13800138000"),
        ("138 0013 8000", "13800138000"),
        ("138-0013-8000", "13800138000"),
        (13800138000, "13800138000"),
    ],
)
def test_phone_accepts_a_mobile_number(raw, clean):
    assert validate.phone(raw) == clean


@pytest.mark.parametrize(
    "raw",
    [
        "1380013800",  # 10 digits
        "138001380001",  # 12 digits
        "23800138000",  # does not start with 1
        "1380013800a",
        "abcdefghijk",
        "+8613800138000",
        "1" * 10_000,
        "1" + " " * 10_000 + "3800138000",
        "",
        "   ",
        None,
        {"phone": "13800138000"},
        ["13800138000"],
        "１３８００１３８０００",  # full-width digits
        "١٣٨٠٠١٣٨٠٠٠",  # Arabic-Indic digits
        "1٣٨٠٠١٣٨٠٠٠",
        "13800138000\n1",
    ],
)
def test_phone_refuses(raw):
    with pytest.raises(ValueError, match=text.Field.PHONE_INVALID):
        validate.phone(raw)


# --- PIN -----------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["135790", "246810", "907153", " 135790 ", 135790])
def test_pin_accepts_six_digits(raw):
    assert validate.pin(raw) == str(raw).strip()


@pytest.mark.parametrize(
    "raw",
    ["", "12345", "1234567", "13579a", "13 579", "１３５７９０", "١٣٥٧٩٠", None, {"pin": "135790"}],
)
def test_pin_must_be_six_ascii_digits(raw):
    with pytest.raises(ValueError, match=text.Field.PIN_INVALID):
        validate.pin(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "000000",
        "111111",
        "999999",
        "123456",
        "234567",
        "654321",
        "987654",
        "012345",
        "543210",
        "123123",
        "112233",
        "121212",
        "520520",
        "147258",
        "159357",
        "258369",
    ],
)
def test_pin_refuses_easy_guesses(raw):
    with pytest.raises(ValueError, match=text.Field.PIN_WEAK):
        validate.pin(raw)


# --- password ------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["a" * 10, "staff password 1", "密码" * 5, "x" * 128])
def test_password_accepts_10_to_128_characters(raw):
    assert validate.password(raw) == raw


@pytest.mark.parametrize("raw", ["", "short", "a" * 9, None, 1234567890123, ["a" * 12]])
def test_password_too_short_or_not_text(raw):
    with pytest.raises(ValueError, match=text.Field.PASSWORD_SHORT):
        validate.password(raw)


@pytest.mark.parametrize("raw", ["x" * 129, "x" * 10_000])
def test_password_too_long(raw):
    with pytest.raises(ValueError, match=text.Field.PASSWORD_LONG):
        validate.password(raw)


def test_password_is_kept_exactly_as_typed():
    assert validate.password("  spaced out  ") == "  spaced out  "


# --- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("张三", "张三"),
        ("张·三", "张·三"),
        ("阿依古丽·买买提", "阿依古丽·买买提"),
        ("Li Ming", "Li Ming"),
        ("  王   小  明 ", "王 小 明"),
        ("欧阳" * 15, "欧阳" * 15),
        ("𠮷野", "𠮷野"),  # a rare character (CJK extension B) still counts as one
        ("𠮷" * 30, "𠮷" * 30),
    ],
)
def test_name_accepts(raw, clean):
    assert validate.person_name(raw) == clean


@pytest.mark.parametrize("raw", ["", "   ", None, {"name": "张三"}, ["张三"]])
def test_name_empty(raw):
    with pytest.raises(ValueError, match=text.Field.NAME_EMPTY):
        validate.person_name(raw)


@pytest.mark.parametrize("raw", ["张" * 31, "张" * 10_000, "<script>alert(1)</script>" * 2])
def test_name_too_long(raw):
    with pytest.raises(ValueError, match=text.Field.NAME_LONG):
        validate.person_name(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "<script>alert(1)</script>",
        "<b>张三</b>",
        "张三!",
        "张三1",
        "张三@",
        "Bob'); DROP TABLE x;--",
        "张三😀",
        "张三\n李四\x00",
        "ＺＨＡＮＧ",  # full-width letters
        "·",
        "· •",
        "䷀",  # a hexagram symbol, not a Han character
    ],
)
def test_name_refuses_symbols(raw):
    with pytest.raises(ValueError, match=text.Field.NAME_CHARS):
        validate.person_name(raw)


# --- years and small numbers ---------------------------------------------------------------


def year(value):
    return validate.year(value, 1920, 1975, "bad", "range")


@pytest.mark.parametrize(
    ("raw", "clean"), [("1920", 1920), ("1975", 1975), (1955, 1955), (" 1960 ", 1960)]
)
def test_year_in_range(raw, clean):
    assert year(raw) == clean


@pytest.mark.parametrize("raw", ["1919", "1976", "2030", "0000"])
def test_year_out_of_range(raw):
    with pytest.raises(ValueError, match="range"):
        year(raw)


@pytest.mark.parametrize(
    "raw", ["", "55", "19555", "一九五五", "１９５５", "195a", "-955", None, 1955.0, {}]
)
def test_year_not_four_digits(raw):
    with pytest.raises(ValueError, match="bad"):
        year(raw)


@pytest.mark.parametrize(("raw", "clean"), [("1", 1), ("12", 12), (7, 7), (" 3 ", 3)])
def test_small_int_in_range(raw, clean):
    assert validate.small_int(raw, 1, 12, "bad") == clean


@pytest.mark.parametrize("raw", ["0", "13", "", "-1", "1.5", "12345", "１", None, [], "9" * 10_000])
def test_small_int_refuses(raw):
    with pytest.raises(ValueError, match="bad"):
        validate.small_int(raw, 1, 12, "bad")


# --- free text -----------------------------------------------------------------------------


def test_free_text_keeps_html_as_given_and_strips_ends():
    assert validate.free_text("  <b>党支部</b> ", 2, 60, "bad") == "<b>党支部</b>"


@pytest.mark.parametrize("raw", ["", "a", "x" * 61, None, {"a": 1}])
def test_free_text_length(raw):
    with pytest.raises(ValueError, match="bad"):
        validate.free_text(raw, 2, 60, "bad")


# --- choices -------------------------------------------------------------------------------

ALLOWED = {"sing": "唱歌", "dance": "跳舞", "opera": "戏曲"}


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (None, []),
        ("", []),
        ([], []),
        ("sing", ["sing"]),
        ("dance,sing", ["sing", "dance"]),
        (["opera", "sing"], ["sing", "opera"]),
        (("dance",), ["dance"]),
    ],
)
def test_choices_in_listed_order(raw, clean):
    assert validate.choices(raw, ALLOWED) == clean


@pytest.mark.parametrize(
    "raw",
    [
        "rap",
        ["sing", "rap"],
        "sing,<script>",
        ["sing"] * 4,
        {"sing": True},
        42,
        [None],
    ],
)
def test_choices_refuses_unknown_codes(raw):
    with pytest.raises(ValueError, match=text.Field.CHOICE_INVALID):
        validate.choices(raw, ALLOWED)


def test_one_of():
    assert validate.one_of(" male ", text.Join.GENDERS, "pick") == "male"
    for raw in ("", "other", None, ["male"], "男"):
        with pytest.raises(ValueError, match="pick"):
            validate.one_of(raw, text.Join.GENDERS, "pick")


@pytest.mark.parametrize(
    ("raw", "clean"), [("yes", True), ("no", False), ("unknown", None), ("", None), (None, None)]
)
def test_yes_no_unknown(raw, clean):
    assert validate.yes_no_unknown(raw) is clean


@pytest.mark.parametrize("raw", ["maybe", "true", "1", "是"])
def test_yes_no_unknown_refuses_other_answers(raw):
    with pytest.raises(ValueError, match=text.Field.CHOICE_INVALID):
        validate.yes_no_unknown(raw)


# --- collect -------------------------------------------------------------------------------


def test_collect_returns_clean_values():
    clean = validate.collect(
        {"phone": " 138 0013 8000", "name": "张三", "extra": "ignored"},
        {"phone": validate.phone, "name": validate.person_name},
    )
    assert clean == {"phone": "13800138000", "name": "张三"}


def test_collect_reports_every_bad_field_at_once():
    with pytest.raises(FormError) as caught:
        validate.collect(
            {"phone": "123", "name": "<x>", "pin": "135790"},
            {"phone": validate.phone, "name": validate.person_name, "pin": validate.pin},
        )
    assert caught.value.errors == {
        "phone": text.Field.PHONE_INVALID,
        "name": text.Field.NAME_CHARS,
    }
    assert text.Field.PHONE_INVALID in caught.value.message


@pytest.mark.parametrize("form", [None, "phone=1", ["13800138000"], 42])
def test_collect_treats_a_non_dict_form_as_empty(form):
    with pytest.raises(FormError) as caught:
        validate.collect(form, {"phone": validate.phone})
    assert caught.value.errors == {"phone": text.Field.PHONE_INVALID}
