using BmsRules.Generator.Helpers;

namespace BmsRules.Generator.Model;

/// <summary>
/// The behaviour catalogue (spec/catalogue.yaml): every behaviour the seed documents state, with the id
/// that <c>covers:</c> and a product's <c>catalogue:</c> name.
/// </summary>
public sealed record BehaviourCatalogue(string Path, EquatableArray<CatalogueBehaviour> Behaviours)
{
    /// <summary>The behaviour with <paramref name="id"/>, or null.</summary>
    public CatalogueBehaviour? Find(string id)
    {
        foreach (var behaviour in Behaviours)
        {
            if (behaviour.Id.Text == id) return behaviour;
        }
        return null;
    }
}

/// <summary>
/// One catalogue entry: its id, the group it belongs to (V2, NG, OV), the model it describes (overview
/// entries), the behaviour text, where the documents state it (as the catalogue writes it) and the
/// same places with full file names.
/// </summary>
public sealed record CatalogueBehaviour(
    Located Id, string Group, string? Model, string Text, string? Where, EquatableArray<CatalogueSeed> Seeds);

/// <summary>A seed file and the sections of it that state a behaviour (none: the whole document).</summary>
public sealed record CatalogueSeed(string File, EquatableArray<string> Sections);

/// <summary>A file read alongside a spec (its behaviour catalogue): the path as given and its text.</summary>
public sealed record SpecFile(string Path, string Text);
