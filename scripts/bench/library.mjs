// The benchmark library: a deterministic set of replies that looks like a big team's (topics × products × tones,
// three languages), imported through the background as the options page does.

export function library(count) {
  const topics = ['Order status', 'Refund', 'Delivery delay', 'Opening hours', 'Wholesale', 'Subscription pause', 'Grind size', 'Damaged parcel', 'Gift card', 'Newsletter', 'Allergens', 'Decaf', 'Vouchers', 'Café events', 'Returns'];
  const products = ['Winterblend', 'Ethiopia Guji', 'Espresso Nord', 'Decaf Kolumbien', 'Cold brew kit', 'V60 bundle', 'Hafermilch', 'Mug', 'Subscription', 'Gift box'];
  const tones = ['friendly', 'formal', 'short', 'apology', 'follow-up'];
  let seed = 7;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const replies = [];
  for (let i = 0; i < count; i++) {
    const topic = topics[rand(topics.length)], product = products[rand(products.length)], tone = tones[rand(tones.length)];
    replies.push({
      id: `bench-${i}`,
      title: `${topic} — ${product} (${tone}) #${i}`,
      body: `Hi {first_name|there}, about your ${product}: ${topic.toLowerCase()} is something we take seriously. Our team checks every order by hand and replies within a day. Reference ${i}.`,
      variants: {
        de: `Hallo {first_name|zusammen}, zu deinem ${product}: wir kümmern uns um ${topic} und melden uns innerhalb eines Tages. Referenz ${i}.`,
        da: `Hej {first_name|med dig}, om din ${product}: vi tager os af det og svarer inden for en dag. Reference ${i}.`,
      },
      language: 'en',
      folder: topic,
      tags: [tone, product.split(' ')[0].toLowerCase()],
      shortcut: i % 50 === 0 ? `s${i}` : undefined,
      favorite: i % 997 === 0,
    });
  }
  return replies;
}
