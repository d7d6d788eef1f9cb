"""Time zones named as a reader of each language says them: "Vienna time", "heure de Vienne",
"по венскому времени", never a bare offset. The United Nations' duty stations, by their usual
names (Russian turns most into an adjective); the language modules phrase any other zone around
CLDR's name of its city."""

LANGUAGES = ("ar", "zh-hans", "en", "fr", "ru", "es")
NAMES = {
    "Europe/Vienna": (
        "بتوقيت فيينا",
        "维也纳时间",
        "Vienna time",
        "heure de Vienne",
        "по венскому времени",
        "hora de Viena",
    ),
    "America/New_York": (
        "بتوقيت نيويورك",
        "纽约时间",
        "New York time",
        "heure de New York",
        "по нью-йоркскому времени",
        "hora de Nueva York",
    ),
    "Europe/Zurich": (
        "بتوقيت جنيف",
        "日内瓦时间",
        "Geneva time",
        "heure de Genève",
        "по женевскому времени",
        "hora de Ginebra",
    ),
    "Africa/Nairobi": (
        "بتوقيت نيروبي",
        "内罗毕时间",
        "Nairobi time",
        "heure de Nairobi",
        "по найробийскому времени",
        "hora de Nairobi",
    ),
    "Asia/Bangkok": (
        "بتوقيت بانكوك",
        "曼谷时间",
        "Bangkok time",
        "heure de Bangkok",
        "по бангкокскому времени",
        "hora de Bangkok",
    ),
    "Asia/Beirut": (
        "بتوقيت بيروت",
        "贝鲁特时间",
        "Beirut time",
        "heure de Beyrouth",
        "по бейрутскому времени",
        "hora de Beirut",
    ),
    "America/Santiago": (
        "بتوقيت سانتياغو",
        "圣地亚哥时间",
        "Santiago time",
        "heure de Santiago",
        "по времени Сантьяго",
        "hora de Santiago",
    ),
    "Africa/Addis_Ababa": (
        "بتوقيت أديس أبابا",
        "亚的斯亚贝巴时间",
        "Addis Ababa time",
        "heure d'Addis-Abeba",
        "по времени Аддис-Абебы",
        "hora de Addis Abeba",
    ),
    "UTC": ("بالتوقيت العالمي المنسق", "协调世界时", "UTC", "UTC", "UTC", "UTC"),
}
NAMES["Europe/Geneva"] = NAMES["Europe/Zurich"]


def known_name(zone, language):
    """The zone's name from the table above, or None."""
    names = NAMES.get(getattr(zone, "key", str(zone)))
    return names[LANGUAGES.index(language)] if names else None
