"""Chinese, as United Nations Chinese documents write it (CTOC/COP/2008/INF/1): Arabic digits in
every date, "至" in ranges, the dates before the place, sub-paragraphs ㈠, ㈡."""

from .base import OTHER_YEARS, SAME_MONTH, SAME_YEAR, TWO_DAYS, Style
from .en import English


class Chinese(Style):
    code = "zh-hans"
    date_time_pattern = "{zone}{date}{time}"
    zone_city_pattern = "{city}时间"
    babel_code = "zh_Hans"
    date_pattern = "{year}年{month}月{day}日"
    day_month_pattern = "{month}月{day}日"
    ranges = {
        TWO_DAYS: "{year}年{month}月{d1}日和{d2}日",
        SAME_MONTH: "{year}年{month}月{d1}日至{d2}日",
        SAME_YEAR: "{year}年{dm1}至{dm2}",
        OTHER_YEARS: "{start}至{end}",
    }
    prose = dict.fromkeys(["one_day", TWO_DAYS, SAME_MONTH, SAME_YEAR, OTHER_YEARS], "{range}")
    prose["one_day"] = "{date}"
    place_dates_pattern = "{dates}，{place}"
    day_heading_pattern = "{day_month}，{weekday}"
    masthead_style = English  # Arabic, Chinese and Russian documents keep it in English
    language_line = True
    item_reference_pattern = "临时议程项目{item}"
    item_pattern = "{number}{label}"
    label_patterns = ("({})", "{}")
    label_path_separator = ""
    list_patterns = {"middle": "{0}、{1}", "end": "{0}和{1}"}
    # A span of two days already says 和: the last date of a list comes after 以及.
    date_list_patterns = {"middle": "{0}、{1}", "end": "{0}以及{1}"}
    place_in_pattern = "在{place}"
    full_stop = "。"
    colon_pattern = "{0}：{1}"
    aside_pattern = "（{0}）"

    def month(self, number):
        # Never the locale's "四月": one numeral style in every date.
        return str(number)

    def label_text(self, position, level):
        if level == 2:
            return chr(0x321F + position) if position <= 10 else f"({position})"
        return super().label_text(position, level)

    def time(self, value):
        """'上午10时', '下午3时', '中午12时', '上午9时45分'."""
        return self._period(value) + self._clock(value)

    def _period(self, value):
        if value.hour == 12 and not value.minute:
            return "中午"
        return "上午" if value.hour < 12 else "下午"

    def _clock(self, value):
        hour = value.hour % 12 or 12
        return f"{hour}时{value.minute}分" if value.minute else f"{hour}时"

    def time_range(self, start, end):
        """'上午10时至下午1时'; '下午3时至6时' within the same part of the day."""
        same = self._period(start) == self._period(end)
        return f"{self.time(start)}至{self._clock(end) if same else self.time(end)}"

    def section_number(self, number):
        return f"{'一二三四五六七八九十'[number - 1]}."

    def ordinal(self, number):
        return f"第{number}"
