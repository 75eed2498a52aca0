//! Table-driven cases of the figures stage, one table per language and
//! kind, beside the smaller tables of each grammar module. Every row states
//! the exact surface, kind, value, upper bound, unit and date of every
//! figure of its text (see `testutil`).

use super::resolve_dates;
use super::testutil::{
    EXTRACTOR, Row, check, count, date, day_alone, duration, figures, level, money, month,
    month_of, ordinal, partial, percent, points, quantity, subjects, whole, year, ymd,
};
use crate::model::{FigureKind, Lang};

/// A text and every figure expected in it.
type Case = (&'static str, &'static [Row]);

const ENGLISH_PERCENT: &[Case] = &[
    ("inflation of 2.5 percent", &[percent("2.5 percent", 2.5)]),
    ("a 12.5% stake", &[percent("12.5%", 12.5)]),
    ("down 0.3% on the month", &[percent("0.3%", 0.3)]),
    ("10-20% of sites", &[percent("10-20%", 10.0).to(20.0)]),
    ("from 5% to 7%", &[percent("5%", 5.0), percent("7%", 7.0)]),
    ("between 3 and 5 percent", &[percent("3", 3.0), percent("5 percent", 5.0)]),
    ("100% owned", &[percent("100%", 100.0)]),
    ("up 1.5 percentage points", &[points("1.5 percentage points", 1.5)]),
    ("a 25 per cent share", &[percent("25 per cent", 25.0)]),
    ("twenty percent of firms", &[percent("twenty percent", 20.0)]),
    ("a share of ３０％", &[percent("３０％", 30.0)]),
];

const ENGLISH_MONEY: &[Case] = &[
    ("raised US$1.2B in total", &[money("US$1.2B", 1.2e9, "USD")]),
    ("KRW 1.5 trillion", &[money("KRW 1.5 trillion", 1.5e12, "KRW")]),
    ("EUR 30 million", &[money("EUR 30 million", 3e7, "EUR")]),
    ("JPY 500 million", &[money("JPY 500 million", 5e8, "JPY")]),
    ("CNY 2 billion", &[money("CNY 2 billion", 2e9, "CNY")]),
    ("RMB 300 million", &[money("RMB 300 million", 3e8, "CNY")]),
    ("300 million yuan", &[money("300 million yuan", 3e8, "CNY")]),
    ("20 billion yen", &[money("20 billion yen", 2e10, "JPY")]),
    ("€1.5bn in grants", &[money("€1.5bn", 1.5e9, "EUR")]),
    ("a $3.5 tn market", &[money("$3.5 tn", 3.5e12, "USD")]),
    ("1,000 dollars", &[money("1,000 dollars", 1000.0, "USD")]),
    ("500 euros", &[money("500 euros", 500.0, "EUR")]),
    ("a $750,000 grant", &[money("$750,000", 750_000.0, "USD")]),
    ("5.5 billion won", &[money("5.5 billion won", 5.5e9, "KRW")]),
    ("USD 1.2 million", &[money("USD 1.2 million", 1.2e6, "USD")]),
    ("500 million USD", &[money("500 million USD", 5e8, "USD")]),
    ("2 billion KRW", &[money("2 billion KRW", 2e9, "KRW")]),
    ("£20 million", &[money("£20 million", 2e7, "GBP")]),
];

const ENGLISH_QUANTITY: &[Case] = &[
    ("500 litres of buffer", &[quantity("500 litres", 500.0, "L")]),
    ("a 15,000 L bioreactor", &[quantity("15,000 L", 15_000.0, "L")]),
    ("3 kilograms", &[quantity("3 kilograms", 3.0, "kg")]),
    ("250 mg tablets", &[quantity("250 mg", 250.0, "mg")]),
    ("1.2 tonnes", &[quantity("1.2 tonnes", 1.2, "t")]),
    ("40 square meters", &[quantity("40 square meters", 40.0, "m2")]),
    ("5 ha of land", &[quantity("5 ha", 5.0, "ha")]),
    ("3 km away", &[quantity("3 km", 3.0, "km")]),
    ("10 cm wide", &[quantity("10 cm", 10.0, "cm")]),
    ("2 mm thick", &[quantity("2 mm", 2.0, "mm")]),
    ("500 mL bottles", &[quantity("500 mL", 500.0, "mL")]),
    ("a 2 kL tank", &[quantity("2 kL", 2000.0, "L")]),
    ("3 to 5 million liters", &[quantity("3", 3e6, "L"), quantity("5 million liters", 5e6, "L")]),
    ("12 grams", &[quantity("12 grams", 12.0, "g")]),
];

const ENGLISH_COUNT: &[Case] = &[
    ("twelve companies", &[count("twelve companies", 12.0)]),
    ("eleven countries", &[count("eleven countries", 11.0)]),
    ("fifteen hospitals", &[count("fifteen hospitals", 15.0)]),
    ("thirty-two patients", &[count("thirty-two patients", 32.0)]),
    ("ninety-nine sites", &[count("ninety-nine sites", 99.0)]),
    ("two hundred companies", &[count("two hundred companies", 200.0)]),
    ("1,500 employees", &[count("1,500 employees", 1500.0)]),
    ("six regulators", &[count("six regulators", 6.0)]),
    ("4,000 people", &[count("4,000 people", 4000.0)]),
    ("seven member states", &[count("seven member states", 7.0)]),
    ("between 10 and 20 companies", &[count("10", 10.0), count("20 companies", 20.0)]),
    ("two or three sites", &[count("two", 2.0), count("three sites", 3.0)]),
    ("one company", &[]),
    ("ten new drugs", &[count("ten new drugs", 10.0)]),
    ("Twenty firms", &[count("Twenty firms", 20.0)]),
    ("100 biotech startups", &[count("100 biotech startups", 100.0)]),
    ("ISO 13485 certified", &[]),
    ("Section 4 applies", &[]),
    ("Article 5 says", &[]),
];

const ENGLISH_DURATION: &[Case] = &[
    ("five years", &[duration("five years", 5.0, "year")]),
    ("six months", &[duration("six months", 6.0, "month")]),
    ("eight weeks", &[duration("eight weeks", 8.0, "week")]),
    ("30 days", &[duration("30 days", 30.0, "day")]),
    ("48 hours", &[duration("48 hours", 48.0, "hour")]),
    ("a 10-year plan", &[duration("10-year", 10.0, "year")]),
    ("1.5 years", &[duration("1.5 years", 1.5, "year")]),
    ("twelve months", &[duration("twelve months", 12.0, "month")]),
    ("two to three years", &[duration("two", 2.0, "year"), duration("three years", 3.0, "year")]),
    ("a 90-day review", &[duration("90-day", 90.0, "day")]),
];

const ENGLISH_DATE: &[Case] = &[
    ("Jan 5, 2024", &[date("Jan 5, 2024", 2024, 1, 5)]),
    ("5 January 2024", &[date("5 January 2024", 2024, 1, 5)]),
    ("January 2024", &[month_of("January 2024", 2024, 1)]),
    ("on Sept 3", &[partial("Sept 3", 9, 3)]),
    ("in June", &[month("June", 6)]),
    ("since May", &[month("May", 5)]),
    ("by mid-March", &[month("March", 3)]),
    ("on 1 March", &[partial("1 March", 3, 1)]),
    ("2024-01-05", &[date("2024-01-05", 2024, 1, 5)]),
    ("2024/1/5", &[date("2024/1/5", 2024, 1, 5)]),
    ("May 5 2024", &[date("May 5 2024", 2024, 5, 5)]),
    ("June 30th", &[partial("June 30th", 6, 30)]),
    ("in 1998", &[year("1998", 1998.0)]),
    ("the 2025-2026 season", &[year("2025-2026", 2025.0).to(2026.0)]),
    ("Dec. 1, 2025", &[date("Dec. 1, 2025", 2025, 12, 1)]),
    ("June said", &[]),
    ("Phase I began in May.", &[level("Phase I", 1.0), month("May", 5)]),
];

const ENGLISH_ORDINAL_LEVEL: &[Case] = &[
    ("the 3rd round", &[ordinal("3rd", 3.0)]),
    ("the 21st century", &[ordinal("21st", 21.0)]),
    ("the 42nd session", &[ordinal("42nd", 42.0)]),
    ("its fourth plant", &[ordinal("fourth", 4.0)]),
    ("the fifth round", &[ordinal("fifth", 5.0)]),
    ("the 100th patient", &[ordinal("100th", 100.0)]),
    ("Level 4 facilities", &[level("Level 4", 4.0)]),
    ("Phase 3 data", &[level("Phase 3", 3.0)]),
    ("a Phase IV study", &[level("Phase IV", 4.0)]),
    ("a Phase Ⅲ trial", &[level("Phase Ⅲ", 3.0)]),
    ("a phase 3 trial", &[level("phase 3", 3.0)]),
    ("Phase 2b results", &[level("Phase 2b", 2.0)]),
    ("Stage 2 review", &[level("Stage 2", 2.0)]),
    ("ranked first in sales", &[ordinal("first", 1.0)]),
    ("Korea ranked second.", &[ordinal("second", 2.0)]),
    ("it placed third", &[ordinal("third", 3.0)]),
    ("for the first time", &[]),
    ("First, we", &[]),
    ("the first product", &[]),
];

const KOREAN_PERCENT: &[Case] = &[
    ("30퍼센트 증가", &[percent("30퍼센트", 30.0)]),
    ("15.5% 늘었다", &[percent("15.5%", 15.5)]),
    ("10~20% 수준", &[percent("10~20%", 10.0).to(20.0)]),
    ("3%p 올랐다", &[points("3%p", 3.0)]),
    ("2.5%포인트 하락", &[points("2.5%포인트", 2.5)]),
    ("50% 이상", &[percent("50%", 50.0)]),
    ("1.2퍼센트포인트", &[points("1.2퍼센트포인트", 1.2)]),
    ("20프로 넘게", &[percent("20프로", 20.0)]),
    ("3 프로젝트", &[]),
];

const KOREAN_MONEY: &[Case] = &[
    ("100억원 규모", &[money("100억원", 1e10, "KRW")]),
    ("1조원을", &[money("1조원", 1e12, "KRW")]),
    ("5000만원", &[money("5000만원", 5e7, "KRW")]),
    ("3억5000만원", &[money("3억5000만원", 3.5e8, "KRW")]),
    ("1200억 원", &[money("1200억 원", 1.2e11, "KRW")]),
    ("2천억원", &[money("2천억원", 2e11, "KRW")]),
    ("50만 달러", &[money("50만 달러", 5e5, "USD")]),
    ("1억 위안", &[money("1억 위안", 1e8, "CNY")]),
    ("100억 엔", &[money("100억 엔", 1e10, "JPY")]),
    ("300만 유로", &[money("300만 유로", 3e6, "EUR")]),
    ("₩5,000", &[money("₩5,000", 5000.0, "KRW")]),
    ("1조 2000억원", &[money("1조 2000억원", 1.2e12, "KRW")]),
    ("１００억원", &[money("１００억원", 1e10, "KRW")]),
];

const KOREAN_QUANTITY: &[Case] = &[
    ("10만 리터", &[quantity("10만 리터", 1e5, "L")]),
    ("5kg", &[quantity("5kg", 5.0, "kg")]),
    ("20톤 규모", &[quantity("20톤", 20.0, "t")]),
    ("100평 부지", &[quantity("100평", 100.0, "pyeong")]),
    ("3.5km 떨어진", &[quantity("3.5km", 3.5, "km")]),
    ("500mL 용기", &[quantity("500mL", 500.0, "mL")]),
    ("50제곱미터", &[quantity("50제곱미터", 50.0, "m2")]),
    ("2만ℓ", &[quantity("2만ℓ", 2e4, "L")]),
];

const KOREAN_COUNT: &[Case] = &[
    ("15개사가", &[count("15개사", 15.0)]),
    ("20명이", &[count("20명", 20.0)]),
    ("3곳", &[count("3곳", 3.0)]),
    ("7건의", &[count("7건", 7.0)]),
    ("두 나라가", &[count("두 나라", 2.0)]),
    ("세 곳에", &[count("세 곳", 3.0)]),
    ("다섯 명의 위원", &[count("다섯 명", 5.0)]),
    ("두 기관이", &[count("두 기관", 2.0)]),
    ("네 가지 방안", &[count("네 가지 방안", 4.0)]),
    ("열 명", &[count("열 명", 10.0)]),
    ("스무 명", &[count("스무 명", 20.0)]),
    ("두 배로", &[]),
    ("세 번 만났다", &[]),
    ("한 기업", &[]),
    ("세 부담", &[]),
    ("열 번의 회의", &[]),
    ("여덟 개 기관", &[count("여덟 개 기관", 8.0)]),
    ("네, 맞습니다", &[]),
    ("회의를 열 계획이다", &[]),
];

const KOREAN_DURATION: &[Case] = &[
    ("6개월", &[duration("6개월", 6.0, "month")]),
    ("2년간", &[duration("2년간", 2.0, "year")]),
    ("10일간", &[duration("10일간", 10.0, "day")]),
    ("3주간", &[duration("3주간", 3.0, "week")]),
    ("48시간", &[duration("48시간", 48.0, "hour")]),
    ("두 달 동안", &[duration("두 달", 2.0, "month")]),
    ("5년 동안", &[duration("5년", 5.0, "year")]),
    ("30영업일", &[duration("30영업일", 30.0, "day")]),
];

const KOREAN_DATE: &[Case] = &[
    ("2024년 1월 5일", &[date("2024년 1월 5일", 2024, 1, 5)]),
    ("2024.1.5", &[date("2024.1.5", 2024, 1, 5)]),
    ("2024. 1. 5. 발표", &[date("2024. 1. 5", 2024, 1, 5)]),
    ("3월 15일", &[partial("3월 15일", 3, 15)]),
    ("12월", &[month("12월", 12)]),
    ("2023년 12월", &[month_of("2023년 12월", 2023, 12)]),
    ("2030년까지", &[year("2030년", 2030.0)]),
    ("25년 3월", &[month_of("25년 3월", 2025, 3)]),
    ("2025년도", &[year("2025년도", 2025.0)]),
];

const KOREAN_ORDINAL_LEVEL: &[Case] = &[
    ("제10회", &[ordinal("제10회", 10.0)]),
    ("제2차 회의", &[ordinal("제2차", 2.0)]),
    ("5번째", &[ordinal("5번째", 5.0)]),
    ("여섯 번째", &[ordinal("여섯 번째", 6.0)]),
    ("일곱 번째 허가", &[ordinal("일곱 번째", 7.0)]),
    ("1위", &[ordinal("1위", 1.0)]),
    ("20주년", &[ordinal("20주년", 20.0)]),
    ("2단계", &[level("2단계", 2.0)]),
    ("임상 3상", &[level("3상", 3.0)]),
    ("3~4단계", &[level("3~4단계", 3.0).to(4.0)]),
    ("제5조", &[]),
    ("3배", &[]),
    ("010-1234-5678", &[]),
];

const JAPANESE_PERCENT_MONEY: &[Case] = &[
    ("18.5%増", &[percent("18.5%", 18.5)]),
    ("30パーセント", &[percent("30パーセント", 30.0)]),
    ("500億円", &[money("500億円", 5e10, "JPY")]),
    ("3億円", &[money("3億円", 3e8, "JPY")]),
    ("1兆円", &[money("1兆円", 1e12, "JPY")]),
    ("2000万ドル", &[money("2000万ドル", 2e7, "USD")]),
    ("100万ユーロ", &[money("100万ユーロ", 1e6, "EUR")]),
    ("二千万円", &[money("二千万円", 2e7, "JPY")]),
    ("一億円", &[money("一億円", 1e8, "JPY")]),
    ("三億五千万円", &[money("三億五千万円", 3.5e8, "JPY")]),
    ("１，０００円", &[money("１，０００円", 1000.0, "JPY")]),
];

const JAPANESE_QUANTITY_COUNT: &[Case] = &[
    ("5リットル", &[quantity("5リットル", 5.0, "L")]),
    ("10キロメートル", &[quantity("10キロメートル", 10.0, "km")]),
    ("3センチ", &[quantity("3センチ", 3.0, "cm")]),
    ("500ミリリットル", &[quantity("500ミリリットル", 500.0, "mL")]),
    ("10トン", &[quantity("10トン", 10.0, "t")]),
    ("０．５ミリ", &[quantity("０．５ミリ", 0.5, "mm")]),
    ("5ミリグラム", &[quantity("5ミリグラム", 5.0, "mg")]),
    ("200グラム", &[quantity("200グラム", 200.0, "g")]),
    ("3キログラム", &[quantity("3キログラム", 3.0, "kg")]),
    ("5000人", &[count("5000人", 5000.0)]),
    ("3社", &[count("3社", 3.0)]),
    ("12品目", &[count("12品目", 12.0)]),
    ("20施設", &[count("20施設", 20.0)]),
    ("三つの製品", &[count("三つ", 3.0)]),
    ("2つ", &[count("2つ", 2.0)]),
    ("三十五人", &[count("三十五人", 35.0)]),
    ("一つ", &[]),
    ("二人の専門家", &[count("二人", 2.0)]),
    ("一方で", &[]),
    ("四半期ごと", &[]),
];

const JAPANESE_DATE_YEAR: &[Case] = &[
    ("2025年7月25日", &[date("2025年7月25日", 2025, 7, 25)]),
    ("7月25日に", &[partial("7月25日", 7, 25)]),
    ("３月に", &[month("３月", 3)]),
    ("２０２４年", &[year("２０２４年", 2024.0)]),
    ("令和7年", &[year("令和7年", 2025.0)]),
    ("令和6年4月1日", &[date("令和6年4月1日", 2024, 4, 1)]),
    ("平成30年", &[year("平成30年", 2018.0)]),
    ("令和七年", &[year("令和七年", 2025.0)]),
    ("令和元年", &[year("令和元年", 2019.0)]),
    ("平成元年", &[year("平成元年", 1989.0)]),
    ("令和元年5月1日", &[date("令和元年5月1日", 2019, 5, 1)]),
    ("平成元年４月", &[month_of("平成元年４月", 1989, 4)]),
    ("令和元年度", &[year("令和元年度", 2019.0)]),
    ("令和７年", &[year("令和７年", 2025.0)]),
    ("令和７年４月１日", &[date("令和７年４月１日", 2025, 4, 1)]),
    ("令和 ７年", &[year("令和 ７年", 2025.0)]),
    ("令和の時代", &[]),
    ("令和元", &[]),
    ("30年までに", &[year("30年", 2030.0)]),
    ("2025年度", &[year("2025年度", 2025.0)]),
    ("25年度", &[year("25年度", 2025.0)]),
    ("二〇二五年", &[year("二〇二五年", 2025.0)]),
    ("2024年3月", &[month_of("2024年3月", 2024, 3)]),
];

const JAPANESE_DURATION_ORDINAL: &[Case] = &[
    ("3年間", &[duration("3年間", 3.0, "year")]),
    ("6か月", &[duration("6か月", 6.0, "month")]),
    ("2週間", &[duration("2週間", 2.0, "week")]),
    ("10日間", &[duration("10日間", 10.0, "day")]),
    ("24時間", &[duration("24時間", 24.0, "hour")]),
    ("五年間", &[duration("五年間", 5.0, "year")]),
    ("十日間", &[duration("十日間", 10.0, "day")]),
    ("30営業日", &[duration("30営業日", 30.0, "day")]),
    ("第3回", &[ordinal("第3回", 3.0)]),
    ("第一回", &[ordinal("第一回", 1.0)]),
    ("1位", &[ordinal("1位", 1.0)]),
    ("2倍", &[]),
];

const CHINESE_PERCENT_MONEY: &[Case] = &[
    ("百分之十五", &[percent("百分之十五", 15.0)]),
    ("百分之3.5", &[percent("百分之3.5", 3.5)]),
    ("增长15%", &[percent("15%", 15.0)]),
    ("30%-40%", &[percent("30%-40%", 30.0).to(40.0)]),
    ("5000万元", &[money("5000万元", 5e7, "CNY")]),
    ("3亿美元", &[money("3亿美元", 3e8, "USD")]),
    ("100亿人民币", &[money("100亿人民币", 1e10, "CNY")]),
    ("2万亿元", &[money("2万亿元", 2e12, "CNY")]),
    ("千亿元", &[money("千亿元", 1e11, "CNY")]),
    ("两万亿元", &[money("两万亿元", 2e12, "CNY")]),
    ("¥500", &[money("¥500", 500.0, "CNY")]),
    ("1.5亿韩元", &[money("1.5亿韩元", 1.5e8, "KRW")]),
    ("20亿欧元", &[money("20亿欧元", 2e9, "EUR")]),
];

const CHINESE_QUANTITY_COUNT: &[Case] = &[
    ("10吨", &[quantity("10吨", 10.0, "t")]),
    ("500毫升", &[quantity("500毫升", 500.0, "mL")]),
    ("2平方米", &[quantity("2平方米", 2.0, "m2")]),
    ("3公里", &[quantity("3公里", 3.0, "km")]),
    ("1000升", &[quantity("1000升", 1000.0, "L")]),
    ("30家企业", &[count("30家企业", 30.0)]),
    ("5名", &[count("5名", 5.0)]),
    ("两家企业", &[count("两家企业", 2.0)]),
    ("三个品种", &[count("三个品种", 3.0)]),
    ("一家医院", &[]),
    ("数十家", &[]),
    ("几十个", &[]),
    ("十四五规划", &[]),
    ("四川省", &[]),
    ("百家争鸣", &[]),
    ("十几家", &[]),
    ("一百二十三个品种", &[count("一百二十三个品种", 123.0)]),
    ("统一了标准", &[]),
];

const CHINESE_DATE_DURATION: &[Case] = &[
    ("三个月", &[duration("三个月", 3.0, "month")]),
    ("60个工作日", &[duration("60个工作日", 60.0, "day")]),
    ("15天", &[duration("15天", 15.0, "day")]),
    ("3年", &[duration("3年", 3.0, "year")]),
    ("2025年", &[year("2025年", 2025.0)]),
    ("2025年7月", &[month_of("2025年7月", 2025, 7)]),
    ("7月25日", &[partial("7月25日", 7, 25)]),
    ("二〇二五年七月二十五日", &[date("二〇二五年七月二十五日", 2025, 7, 25)]),
    ("五月", &[month("五月", 5)]),
    ("第三次", &[ordinal("第三次", 3.0)]),
    ("第12批", &[ordinal("第12批", 12.0)]),
    ("第一批", &[ordinal("第一批", 1.0)]),
];

const CHINESE_RANGES: &[Case] = &[
    ("三至五年", &[duration("三至五年", 3.0, "year").to(5.0)]),
    ("三到五个", &[count("三到五个", 3.0).to(5.0)]),
    ("三至五家企业", &[count("三至五家企业", 3.0).to(5.0)]),
    ("5至10家企业", &[count("5至10家企业", 5.0).to(10.0)]),
    ("3～5年", &[duration("3～5年", 3.0, "year").to(5.0)]),
    ("3到5年", &[duration("3到5年", 3.0, "year").to(5.0)]),
    ("一到三个月", &[duration("一到三个月", 1.0, "month").to(3.0)]),
    ("三至五万元", &[money("三至五万元", 3e4, "CNY").to(5e4)]),
    ("2020—2024年", &[year("2020—2024年", 2020.0).to(2024.0)]),
    ("10%至20%", &[percent("10%", 10.0), percent("20%", 20.0)]),
    ("五至三年", &[duration("三年", 3.0, "year")]),
];

const CHINESE_PEOPLE_AND_RANKS: &[Case] = &[
    ("三位专家", &[count("三位专家", 3.0)]),
    ("5位专家出席", &[count("5位专家", 5.0)]),
    ("两位院士", &[count("两位院士", 2.0)]),
    ("一位专家", &[]),
    ("第三位", &[ordinal("第三位", 3.0)]),
    ("排名第3位", &[ordinal("第3位", 3.0)]),
];

const JAPANESE_RANKS: &[Case] = &[
    ("世界3位", &[ordinal("3位", 3.0)]),
    ("3位に入った", &[ordinal("3位", 3.0)]),
    ("第1位", &[ordinal("第1位", 1.0)]),
];

const JAPANESE_PHASES: &[Case] = &[
    ("第2相", &[level("第2相", 2.0)]),
    ("第III相", &[level("第III相", 3.0)]),
    ("第Ⅲ相試験", &[level("第Ⅲ相", 3.0)]),
    ("第１相試験", &[level("第１相", 1.0)]),
    ("第I/II相", &[level("第I/II相", 1.0).to(2.0)]),
    ("2相性の反応", &[]),
];

const KOREAN_PHASES: &[Case] = &[
    ("2상", &[level("2상", 2.0)]),
    ("3상 임상", &[level("3상", 3.0)]),
    ("임상3상", &[level("3상", 3.0)]),
    ("임상 1/2상", &[level("1/2상", 1.0).to(2.0)]),
    ("제2단계", &[level("제2단계", 2.0)]),
    ("1/2 비율", &[]),
];

const CHINESE_PHASES: &[Case] = &[
    ("Ⅱ期", &[level("Ⅱ期", 2.0)]),
    ("II期临床", &[level("II期", 2.0)]),
    ("三期临床", &[level("三期", 3.0)]),
    ("Ⅲ期临床试验", &[level("Ⅲ期", 3.0)]),
    ("3期临床试验", &[level("3期", 3.0)]),
    ("临床3期", &[level("3期", 3.0)]),
    ("第三期临床试验", &[level("第三期", 3.0)]),
    ("I/II期临床", &[level("I/II期", 1.0).to(2.0)]),
    ("1/2期临床", &[level("1/2期", 1.0).to(2.0)]),
    ("第二期", &[ordinal("第二期", 2.0)]),
    ("2期", &[]),
    ("分三期建设", &[]),
    ("COVID期间", &[]),
    ("II/I期", &[]),
];

const DAYS_ALONE: &[(Lang, Case)] = &[
    (Lang::Ko, ("12일 발표했다", &[day_alone("12일", 12)])),
    (Lang::Ko, ("12일까지", &[day_alone("12일", 12)])),
    (Lang::Ko, ("30일 이내", &[duration("30일", 30.0, "day")])),
    (Lang::Ko, ("3일째", &[duration("3일", 3.0, "day")])),
    (Lang::Ko, ("45일", &[duration("45일", 45.0, "day")])),
    (Lang::Ja, ("４日に公表", &[day_alone("４日", 4)])),
    (Lang::Ja, ("14日以内", &[duration("14日", 14.0, "day")])),
    (Lang::Ja, ("18日から", &[day_alone("18日", 18)])),
    (Lang::Zh, ("12日发布", &[day_alone("12日", 12)])),
    (Lang::Zh, ("7日内", &[duration("7日", 7.0, "day")])),
    (Lang::Zh, ("32日", &[duration("32日", 32.0, "day")])),
];

const JAPANESE_RANGES: &[Case] = &[
    ("二〜三割", &[percent("二〜三割", 20.0).to(30.0)]),
    ("3割増", &[percent("3割", 30.0)]),
    ("100万～200万個", &[count("100万～200万個", 1e6).to(2e6)]),
    ("2020—2024年", &[year("2020—2024年", 2020.0).to(2024.0)]),
    ("2～3センチ", &[quantity("2～3センチ", 2.0, "cm").to(3.0)]),
    ("役割を果たす", &[]),
];

#[test]
fn english() {
    for table in [
        ENGLISH_PERCENT,
        ENGLISH_MONEY,
        ENGLISH_QUANTITY,
        ENGLISH_COUNT,
        ENGLISH_DURATION,
        ENGLISH_DATE,
        ENGLISH_ORDINAL_LEVEL,
    ] {
        check(table, Lang::En);
    }
}

#[test]
fn korean() {
    for table in [
        KOREAN_PERCENT,
        KOREAN_MONEY,
        KOREAN_QUANTITY,
        KOREAN_COUNT,
        KOREAN_DURATION,
        KOREAN_DATE,
        KOREAN_ORDINAL_LEVEL,
        KOREAN_PHASES,
    ] {
        check(table, Lang::Ko);
    }
}

#[test]
fn japanese() {
    for table in [
        JAPANESE_PERCENT_MONEY,
        JAPANESE_QUANTITY_COUNT,
        JAPANESE_DATE_YEAR,
        JAPANESE_DURATION_ORDINAL,
        JAPANESE_RANGES,
        JAPANESE_RANKS,
        JAPANESE_PHASES,
    ] {
        check(table, Lang::Ja);
    }
}

#[test]
fn chinese() {
    for table in [
        CHINESE_PERCENT_MONEY,
        CHINESE_QUANTITY_COUNT,
        CHINESE_DATE_DURATION,
        CHINESE_RANGES,
        CHINESE_PEOPLE_AND_RANKS,
        CHINESE_PHASES,
    ] {
        check(table, Lang::Zh);
    }
    assert_eq!(subjects("三位专家", Lang::Zh), [Some("专家".to_owned())]);
    assert_eq!(subjects("Ⅲ期临床", Lang::Zh), [Some("Phase".to_owned())]);
    assert_eq!(subjects("第III相", Lang::Ja), [Some("Phase".to_owned())]);
}

#[test]
fn days_alone() {
    for (lang, case) in DAYS_ALONE {
        check(&[*case], *lang);
    }
}

/// A day written alone takes the month and year of the document's date.
#[test]
fn days_alone_take_the_month_of_the_document() {
    let mut found = figures("5월 3일 회의에 이어 12일 발표", Lang::Ko);
    let mut later = figures("12일 발표", Lang::Ko);
    resolve_dates(&mut found, Some(ymd(2025, 7, 20)));
    resolve_dates(&mut later, Some(ymd(2025, 7, 20)));
    let dates: Vec<_> = found.iter().chain(&later).map(|f| f.date).collect();
    assert_eq!(dates, [Some(ymd(2025, 5, 3)), Some(ymd(2025, 5, 12)), Some(ymd(2025, 7, 12))]);
    let mut unknown = figures("12일 발표", Lang::Ko);
    resolve_dates(&mut unknown, None);
    assert_eq!(unknown[0].date, None);
}

/// 位 counts people in Chinese sentences only: a sentence of kanji in a
/// Japanese document is read as Japanese, where 位 is a rank.
#[test]
fn chinese_people_in_documents_of_each_language() {
    let text = "世界3位";
    let sentences = whole(text, Lang::Zh);
    let kinds = |doc_lang| -> Vec<FigureKind> {
        EXTRACTOR.extract(text, &sentences, doc_lang).iter().map(|f| f.kind).collect()
    };
    assert_eq!(kinds(Lang::Ja), [FigureKind::Ordinal]);
    assert_eq!(kinds(Lang::Zh), [FigureKind::Count]);
    assert_eq!(kinds(Lang::En), [FigureKind::Count]);
    let mixed = whole(text, Lang::Mixed);
    assert_eq!(EXTRACTOR.extract(text, &mixed, Lang::Ja)[0].kind, FigureKind::Ordinal);
}

/// Round trips: a value written out in each language's notation (digit
/// groups, scale words, Han numerals) and read back by the whole stage.
mod round_trips {
    use proptest::prelude::*;

    use super::super::testutil::figures;
    use crate::model::{FigureKind, Lang};

    /// Digits with a comma every three places: "1,234,567".
    fn with_separators(n: u64) -> String {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    }

    /// `n` in groups of four digits with the scales of `scales` (for 1e12,
    /// 1e8, 1e4), joined by `gap`: "1조 2345억 6789만 123".
    fn in_groups(n: u64, scales: [&str; 3], gap: &str) -> String {
        let mut parts = Vec::new();
        for (factor, scale) in [1_000_000_000_000, 100_000_000, 10_000].into_iter().zip(scales) {
            let group = n / factor % 10_000;
            if group > 0 {
                parts.push(format!("{group}{scale}"));
            }
        }
        if !n.is_multiple_of(10_000) || parts.is_empty() {
            parts.push((n % 10_000).to_string());
        }
        parts.join(gap)
    }

    /// `n` below 1e12 in Han numerals: "三千四百万零五十".
    fn in_han(n: u64) -> String {
        const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
        let mut out = String::new();
        let mut zero = false;
        for (factor, scale) in [(100_000_000, "亿"), (10_000, "万"), (1, "")] {
            let group = n / factor % 10_000;
            if group == 0 {
                zero = !out.is_empty();
                continue;
            }
            for (place, mark) in [(1000, "千"), (100, "百"), (10, "十"), (1, "")] {
                let digit = usize::try_from(group / place % 10).unwrap_or(0);
                if digit == 0 {
                    zero = !out.is_empty();
                    continue;
                }
                if zero {
                    out.push('零');
                    zero = false;
                }
                out.push(DIGITS[digit]);
                out.push_str(mark);
            }
            out.push_str(scale);
        }
        out
    }

    /// The value of the only figure of `text`, when it is of `kind` and spans the text.
    fn read(text: &str, lang: Lang, kind: FigureKind) -> Option<f64> {
        match &figures(text, lang)[..] {
            [figure] if figure.kind == kind && figure.span.len() == text.len() => figure.value,
            _ => None,
        }
    }

    #[allow(clippy::cast_precision_loss)] // values below 2^53
    fn value(n: u64) -> Option<f64> {
        Some(n as f64)
    }

    proptest! {
        #[test]
        fn english_digits_and_scale_words(n in 2u64..1_000_000_000, scale in 0usize..4) {
            let (word, factor) = [("", 1u64), (" thousand", 1000), (" million", 1_000_000), (" billion", 1_000_000_000)][scale];
            let text = format!("${}{word}", with_separators(n));
            prop_assert_eq!(read(&text, Lang::En, FigureKind::Money), value(n * factor), "{}", text);
        }

        #[test]
        fn english_decimals_with_a_scale(whole in 1u64..1000, cents in 1u64..100) {
            let text = format!("{whole}.{cents:02} million liters");
            let expected = value(whole * 1_000_000 + cents * 10_000);
            prop_assert_eq!(read(&text, Lang::En, FigureKind::Quantity), expected, "{}", text);
        }

        #[test]
        fn korean_groups(n in 2u64..10_000_000_000_000_000, spaced in any::<bool>()) {
            let text = format!("{}원", in_groups(n, ["조", "억", "만"], if spaced { " " } else { "" }));
            prop_assert_eq!(read(&text, Lang::Ko, FigureKind::Money), value(n), "{}", text);
        }

        #[test]
        fn japanese_groups(n in 2u64..10_000_000_000_000_000) {
            let text = format!("{}円", in_groups(n, ["兆", "億", "万"], ""));
            prop_assert_eq!(read(&text, Lang::Ja, FigureKind::Money), value(n), "{}", text);
        }

        #[test]
        fn chinese_groups(n in 2u64..10_000_000_000_000_000) {
            let text = format!("{}元", in_groups(n, ["万亿", "亿", "万"], ""));
            prop_assert_eq!(read(&text, Lang::Zh, FigureKind::Money), value(n), "{}", text);
        }

        #[test]
        fn han_numerals(n in 2u64..1_000_000_000_000) {
            let text = format!("{}元", in_han(n));
            prop_assert_eq!(read(&text, Lang::Zh, FigureKind::Money), value(n), "{}", text);
        }

        #[test]
        fn full_width_digits(n in 2u64..100_000) {
            let text: String = format!("{n}%")
                .chars()
                .map(|c| c.to_digit(10).and_then(|d| char::from_u32(0xFF10 + d)).unwrap_or(c))
                .collect();
            prop_assert_eq!(read(&text, Lang::Ja, FigureKind::Percent), value(n), "{}", text);
        }
    }
}
