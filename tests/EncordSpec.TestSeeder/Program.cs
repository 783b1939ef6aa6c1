using System.Text.Json;
using EncordSpec.TestSeeder;

// seed PROVIDER BUCKET SETS  → uploads, then prints the seeded objects as JSON ([{"Key":..,"Size":..,"ContentType":..}]).
if (args.Length != 4 || args[0] != "seed")
{
    Console.Error.WriteLine("usage: EncordSpec.TestSeeder seed S3|Azure|GCS BUCKET special[:PREFIX],food,bulk:PREFIX:COUNT,names:KEY;KEY,tree[:PREFIX],skewed[:PREFIX],grid:FOLDERS:PER_FOLDER,files:PREFIX:FOLDER");
    return 2;
}
var stored = await Seeder.SeedAsync(args[1], args[2], SeedSets.Parse(args[3]));
Console.WriteLine(JsonSerializer.Serialize(stored));
return 0;
