using System.Globalization;
using BmsRules.Generator.Model;

namespace BmsRules.Generator.Emit;

/// <summary>The names of the generated types and members of one product.</summary>
internal sealed class Names
{
    private readonly EngineModel _model;

    public Names(EngineModel model) => _model = model;

    public string Product => _model.ProductId;

    public string Namespace => _model.Namespace + "." + _model.ProductId;

    public string Engine => Product + "Engine";

    public string Inputs => Product + "Inputs";

    public string Outputs => Product + "Outputs";

    public string Settings => Product + "Settings";

    public string Code => Product + "Code";

    public string StateEnum(int machine) => _model.Machines[machine].Name + "State";

    public string TriggerEnum(int machine) => _model.Machines[machine].Name + "Trigger";

    public string ZoneEnum(int band) => _model.Bands[band].Name + "Zone";

    /// <summary>The enum of a name table, or the pattern enum of an LED.</summary>
    public string TableEnum(int table) =>
        _model.Tables[table].IsLed ? _model.Tables[table].Name + "Pattern" : _model.Tables[table].Name;

    public static string ValidLocal(string input) => "valid" + input;

    public static string Bit(int index) => "(1UL << " + index.ToString(CultureInfo.InvariantCulture) + ")";

    public static string InputType(InputKind kind) => kind switch
    {
        InputKind.Number => "double",
        InputKind.Bool => "bool",
        _ => "uint",
    };
}
