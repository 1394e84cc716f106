namespace Discourse.Text.Dates;

/// <summary>Units of relative expressions ("3 hours ago", "2 дня назад").</summary>
internal enum RelativeUnit
{
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// <summary>The English and Russian words date expressions are made of (lower case, ё written as е).</summary>
internal static class DateVocabulary
{
    /// <summary>Month names in every form news sites use: full, abbreviated, Russian nominative/genitive/prepositional.</summary>
    public static readonly IReadOnlyDictionary<string, int> Months = BuildMonths();

    /// <summary>Weekday names and abbreviations; they are checked for nothing and skipped.</summary>
    public static readonly IReadOnlySet<string> Weekdays = new HashSet<string>(StringComparer.Ordinal)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun",
        "понедельник", "вторник", "среда", "среду", "четверг", "пятница", "пятницу", "суббота", "субботу", "воскресенье",
        "пн", "вт", "ср", "чт", "пт", "сб", "вс", "пнд", "втр", "срд", "чтв", "птн", "сбт", "вск",
    };

    /// <summary>Words that glue the parts of a date together without meaning anything themselves.</summary>
    public static readonly IReadOnlySet<string> Fillers = new HashSet<string>(StringComparer.Ordinal)
    {
        "at", "on", "the", "of", "year", "в", "во", "г", "гг", "год", "года", "году", "от", "t",
    };

    /// <summary>Named time zones with their UTC offsets in minutes (Moscow time is UTC+3 since 2014).</summary>
    public static readonly IReadOnlyDictionary<string, int> TimeZones = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["utc"] = 0, ["gmt"] = 0, ["z"] = 0, ["msk"] = 180, ["мск"] = 180,
        ["bst"] = 60, ["cet"] = 60, ["cest"] = 120, ["eet"] = 120, ["eest"] = 180,
        ["est"] = -300, ["edt"] = -240, ["cst"] = -360, ["cdt"] = -300, ["mst"] = -420, ["mdt"] = -360,
        ["pst"] = -480, ["pdt"] = -420,
    };

    /// <summary>Units of relative expressions by word form.</summary>
    public static readonly IReadOnlyDictionary<string, RelativeUnit> Units = BuildUnits();

    /// <summary>Small numbers written as words ("two days ago", "два дня назад").</summary>
    public static readonly IReadOnlyDictionary<string, int> NumberWords = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["twelve"] = 12,
        ["один"] = 1, ["одна"] = 1, ["одну"] = 1, ["два"] = 2, ["две"] = 2, ["три"] = 3, ["четыре"] = 4, ["пять"] = 5,
        ["шесть"] = 6, ["семь"] = 7, ["восемь"] = 8, ["девять"] = 9, ["десять"] = 10, ["полчаса"] = 30,
    };

    /// <summary>Ordinal suffixes written after a day number ("9th", "1-го", "21-е").</summary>
    public static readonly IReadOnlySet<string> OrdinalSuffixes = new HashSet<string>(StringComparer.Ordinal)
    {
        "st", "nd", "rd", "th", "го", "ого", "е", "ое", "й",
    };

    private static Dictionary<string, int> BuildMonths()
    {
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(int month, params string[] forms)
        {
            foreach (var form in forms)
            {
                months[form] = month;
            }
        }

        Add(1, "january", "jan", "январь", "января", "январе", "янв", "січня", "січень");
        Add(2, "february", "feb", "febr", "февраль", "февраля", "феврале", "фев", "февр", "лютого", "лютий");
        Add(3, "march", "mar", "март", "марта", "марте", "мар", "березня", "березень");
        Add(4, "april", "apr", "апрель", "апреля", "апреле", "апр", "квітня", "квітень");
        Add(5, "may", "май", "мая", "мае", "травня", "травень");
        Add(6, "june", "jun", "июнь", "июня", "июне", "июн", "червня", "червень");
        Add(7, "july", "jul", "июль", "июля", "июле", "июл", "липня", "липень");
        Add(8, "august", "aug", "август", "августа", "августе", "авг", "серпня", "серпень");
        Add(9, "september", "sep", "sept", "сентябрь", "сентября", "сентябре", "сен", "сент", "вересня", "вересень");
        Add(10, "october", "oct", "октябрь", "октября", "октябре", "окт", "жовтня", "жовтень");
        Add(11, "november", "nov", "ноябрь", "ноября", "ноябре", "ноя", "нояб", "листопада", "листопад");
        Add(12, "december", "dec", "декабрь", "декабря", "декабре", "дек", "грудня", "грудень");
        return months;
    }

    private static Dictionary<string, RelativeUnit> BuildUnits()
    {
        var units = new Dictionary<string, RelativeUnit>(StringComparer.Ordinal);
        void Add(RelativeUnit unit, params string[] forms)
        {
            foreach (var form in forms)
            {
                units[form] = unit;
            }
        }

        Add(RelativeUnit.Second, "second", "seconds", "sec", "secs", "секунда", "секунду", "секунды", "секунд", "сек");
        Add(RelativeUnit.Minute, "minute", "minutes", "min", "mins", "минута", "минуту", "минуты", "минут", "мин");
        Add(RelativeUnit.Hour, "hour", "hours", "hr", "hrs", "час", "часа", "часов", "ч");
        Add(RelativeUnit.Day, "day", "days", "день", "дня", "дней", "сутки", "суток");
        Add(RelativeUnit.Week, "week", "weeks", "неделя", "неделю", "недели", "недель");
        Add(RelativeUnit.Month, "month", "months", "месяц", "месяца", "месяцев");
        Add(RelativeUnit.Year, "year", "years", "год", "года", "лет");
        return units;
    }
}
