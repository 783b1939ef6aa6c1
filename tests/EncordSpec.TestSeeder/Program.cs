using System.Text.Json;
using EncordSpec.TestSeeder;

// seed PROVIDER BUCKET SETS  → uploads, then prints the seeded objects as JSON ([{"Key":..,"Size":..,"ContentType":..}]).
if (args.Length != 4 || args[0] != "seed")
{
    Console.Error.WriteLine("usage: EncordSpec.TestSeeder seed S3|Azure|GCS BUCKET special[:PREFIX],food,bulk:PREFIX:COUNT");
    return 2;
}
var objects = SeedSets.Parse(args[3]);
await Seeder.SeedAsync(args[1], args[2], objects);
Console.WriteLine(JsonSerializer.Serialize(objects));
return 0;
