using System.Globalization;

namespace BmsRules.Runtime.Introspection
{
    /// <summary>Formats durations for people: "500 ms", "30 s", "2 min", "90 min", "3 h".</summary>
    public static class Durations
    {
        /// <summary>The shortest exact form of <paramref name="milliseconds"/>.</summary>
        public static string Format(long milliseconds)
        {
            if (milliseconds < 1000 || milliseconds % 1000 != 0) return milliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
            var seconds = milliseconds / 1000;
            if (seconds < 120 || seconds % 60 != 0) return seconds.ToString(CultureInfo.InvariantCulture) + " s";
            var minutes = seconds / 60;
            if (minutes < 120 || minutes % 60 != 0) return minutes.ToString(CultureInfo.InvariantCulture) + " min";
            return (minutes / 60).ToString(CultureInfo.InvariantCulture) + " h";
        }
    }
}
